/// Search as you type over the roster, kept in `Roster` and updated as each
/// event applies. A query is read as one of:
/// - Chinese characters: a substring of the name (`张`, `建国`);
/// - Latin letters: pinyin, full (`zhangsan`), initials (`zs`) or mixed
///   (`zhangs`, `zsan`), starting at any character of the name, with every
///   reading of polyphonic characters and surnames read as surnames;
/// - digits: a phone number (own or a family member's; whole, its start, or
///   its tail from 4 digits, e.g. the caller ID's last 4) or the tail of the
///   resident ID number (`123X`);
/// - `C42` / `C00042`: a file number.
///
/// Hits are ranked: exact name, then prefix, then initials, then the rest;
/// deceased cadres last. Everything works on bytes laid out when a file
/// changes, so a keystroke costs a scan of compact arrays, no allocation per file.
public struct RosterSearch: Sendable {
    public enum Rank: Int, Sendable, Comparable, CaseIterable {
        case exact, prefix, initials, other
        public static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
    }

    /// Whose phone matched: the cadre's own, or family member `n` of the file.
    public enum PhoneOwner: Sendable, Hashable {
        case cadre
        case family(Int)
    }

    public enum Match: Sendable, Hashable {
        case name, pinyin, initials
        /// The phone as stored (normalized) and whose it is.
        case phone(String, PhoneOwner)
        case idNumber, fileNumber
    }

    public struct Hit: Sendable, Hashable {
        public var id: ID<Cadre>
        public var rank: Rank
        public var match: Match
        public var deceased: Bool
    }

    public struct Result: Sendable, Hashable {
        /// The best `limit` hits in rank order.
        public var hits: [Hit]
        /// How many files match in all.
        public var total: Int
        public static let empty = Result(hits: [], total: 0)
    }

    struct Phone: Sendable {
        var digits: [UInt8]
        var stored: String
        var owner: PhoneOwner
    }

    struct Entry: Sendable {
        var id: ID<Cadre>
        var name: [UInt32]
        /// Pinyin per character: reading count, then (length, ASCII bytes) per reading.
        var block: [UInt8]
        var charCount: Int
        var deceased: Bool
        var phones: [Phone]
        var idNumber: [UInt8]
    }

    private(set) var entries: [Entry] = []
    private var slots: [ID<Cadre>: Int32] = [:]
    private var byHan: [UInt32: [Int32]] = [:]
    private var phoneTail: [Int: [Int32]] = [:]
    private var phoneHead: [Int: [Int32]] = [:]
    private var idTail: [Int: [Int32]] = [:]

    public init() {}

    public var count: Int { entries.count }

    // MARK: - Maintenance

    static func facetsDiffer(_ a: Cadre, _ b: Cadre) -> Bool {
        a.name != b.name || a.phone != b.phone || a.idNumber != b.idNumber || a.isDeceased != b.isDeceased
            || a.family.map(\.phone) != b.family.map(\.phone)
    }

    mutating func put(_ cadre: Cadre) {
        let entry = RosterSearch.entry(for: cadre)
        if let slot = slots[cadre.id] {
            unindex(slot)
            entries[Int(slot)] = entry
            index(slot)
        } else {
            let slot = Int32(entries.count)
            entries.append(entry)
            slots[cadre.id] = slot
            index(slot)
        }
    }

    static func entry(for c: Cadre) -> Entry {
        var block: [UInt8] = []
        let readings = Pinyin.nameReadings(c.name)
        for rs in readings {
            block.append(UInt8(min(rs.count, 255)))
            for r in rs {
                let u = Array(r.utf8.prefix(255))
                block.append(UInt8(u.count))
                block.append(contentsOf: u)
            }
        }
        var phones: [Phone] = []
        func add(_ p: String?, _ owner: PhoneOwner) {
            guard let p, let d = PhoneNumber.digits(p)?.digits, d.count >= 4 else { return }
            phones.append(Phone(digits: Array(d.utf8), stored: p, owner: owner))
        }
        add(c.phone, .cadre)
        for (i, f) in c.family.enumerated() { add(f.phone, .family(i)) }
        return Entry(id: c.id, name: c.name.unicodeScalars.map(\.value), block: block, charCount: readings.count,
                     deceased: c.isDeceased, phones: phones, idNumber: Array((c.idNumber ?? "").utf8))
    }

    private mutating func index(_ slot: Int32) {
        let e = entries[Int(slot)]
        for v in Set(e.name) { byHan[v, default: []].append(slot) }
        var tails = Set<Int>(), heads = Set<Int>()
        for p in e.phones {
            tails.insert(RosterSearch.key(p.digits.suffix(4)))
            if p.digits.count >= 3 { heads.insert(RosterSearch.key(p.digits.prefix(3))) }
        }
        for t in tails { phoneTail[t, default: []].append(slot) }
        for h in heads { phoneHead[h, default: []].append(slot) }
        if e.idNumber.count >= 4 { idTail[RosterSearch.key(e.idNumber.suffix(4)), default: []].append(slot) }
    }

    private mutating func unindex(_ slot: Int32) {
        let e = entries[Int(slot)]
        func drop<K: Hashable>(_ table: inout [K: [Int32]], _ k: K) {
            table[k]?.removeAll { $0 == slot }
            if table[k]?.isEmpty == true { table[k] = nil }
        }
        for v in Set(e.name) { drop(&byHan, v) }
        for p in e.phones {
            drop(&phoneTail, RosterSearch.key(p.digits.suffix(4)))
            if p.digits.count >= 3 { drop(&phoneHead, RosterSearch.key(p.digits.prefix(3))) }
        }
        if e.idNumber.count >= 4 { drop(&idTail, RosterSearch.key(e.idNumber.suffix(4))) }
    }

    /// Digits (and a final X as 10) read as a base-11 number: a dictionary key without strings.
    static func key<C: Collection<UInt8>>(_ bytes: C) -> Int {
        var k = 0
        for b in bytes { k = k * 11 + (b == UInt8(ascii: "X") ? 10 : Int(b) - 48) }
        return k
    }

    // MARK: - Queries

    /// The files matching `query`, best first; at most `limit` hits, with the total.
    public func find(_ query: String, limit: Int = 50) -> Result {
        let q = query.trimmingCharacters(in: .whitespaces)
        if q.isEmpty { return .empty }
        var buckets = Buckets()
        let scalars = Array(q.unicodeScalars)
        if scalars.contains(where: { PersonName.isHan(Character($0)) }) {
            findHan(scalars.filter { $0 != " " }.map(\.value), into: &buckets)
        } else if let n = RosterSearch.fileNumber(q) {
            if let slot = slots[n] { buckets.add(slot, entries[Int(slot)].deceased, .exact, .fileNumber) }
        } else {
            let cleaned = Array(q.uppercased().utf8).filter { $0 != 32 && $0 != UInt8(ascii: "-") }
            if !cleaned.isEmpty, cleaned.dropLast().allSatisfy({ (48...57).contains($0) }),
               let last = cleaned.last, (48...57).contains(last) || last == UInt8(ascii: "X") {
                findDigits(cleaned, into: &buckets)
            } else {
                let letters = Array(q.lowercased().utf8).filter { $0 != 32 && $0 != UInt8(ascii: "'") }
                if letters.allSatisfy({ (97...122).contains($0) }) { findPinyin(letters, into: &buckets) }
            }
        }
        return buckets.result(limit: limit, entries)
    }

    static func fileNumber(_ q: String) -> ID<Cadre>? {
        guard let first = q.first, first == "C" || first == "c", q.count >= 2 else { return nil }
        let digits = q.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        let s = String(n)
        return ID("C" + String(repeating: "0", count: max(0, 5 - s.count)) + s)
    }

    private func findHan(_ q: [UInt32], into buckets: inout Buckets) {
        guard !q.isEmpty else { return }
        var best: [Int32]?
        for v in Set(q) {
            guard let list = byHan[v] else { return }
            if best == nil || list.count < best!.count { best = list }
        }
        for slot in best ?? [] {
            let e = entries[Int(slot)]
            guard let at = RosterSearch.firstIndex(of: q, in: e.name) else { continue }
            let rank: Rank = at == 0 ? (e.name.count == q.count ? .exact : .prefix) : .other
            buckets.add(slot, e.deceased, rank, .name)
        }
    }

    static func firstIndex(of q: [UInt32], in name: [UInt32]) -> Int? {
        guard q.count <= name.count else { return nil }
        outer: for start in 0...(name.count - q.count) {
            for j in 0..<q.count where name[start + j] != q[j] { continue outer }
            return start
        }
        return nil
    }

    private func findPinyin(_ query: [UInt8], into buckets: inout Buckets) {
        guard !query.isEmpty else { return }
        query.withUnsafeBufferPointer { q in
            for (i, e) in entries.enumerated() {
                e.block.withUnsafeBufferPointer { b in
                    guard let rank = RosterSearch.pinyinRank(b, e.charCount, q) else { return }
                    buckets.add(Int32(i), e.deceased, rank, rank == .initials ? .initials : .pinyin)
                }
            }
        }
    }

    enum Mode { case exact, full, initials, any }

    /// How well a name's pinyin block matches the query, or nil.
    static func pinyinRank(_ b: UnsafeBufferPointer<UInt8>, _ chars: Int, _ q: UnsafeBufferPointer<UInt8>) -> Rank? {
        var off = 0
        var atStart = false
        for start in 0..<chars {
            if matchRest(b, off, chars - start, q, 0, .any) {
                atStart = start == 0
                break
            }
            if start == chars - 1 { return nil }
            off = skip(b, off)
        }
        if chars == 0 { return nil }
        guard atStart else { return .other }
        if matchRest(b, 0, chars, q, 0, .exact) { return .exact }
        if matchRest(b, 0, chars, q, 0, .full) { return .prefix }
        if matchRest(b, 0, chars, q, 0, .initials) { return .initials }
        return .other
    }

    @inline(__always)
    static func skip(_ b: UnsafeBufferPointer<UInt8>, _ off: Int) -> Int {
        var o = off
        let n = Int(b[o])
        o += 1
        for _ in 0..<n { o += 1 + Int(b[o]) }
        return o
    }

    /// Can `q[qi...]` be read from character at block offset `off` on (`left` characters remain)?
    static func matchRest(_ b: UnsafeBufferPointer<UInt8>, _ off: Int, _ left: Int, _ q: UnsafeBufferPointer<UInt8>,
                          _ qi: Int, _ mode: Mode) -> Bool {
        if qi == q.count { return mode != .exact || left == 0 }
        if left == 0 { return false }
        let n = Int(b[off])
        let next = skip(b, off)
        if n == 0 { return matchRest(b, next, left - 1, q, qi, mode) }
        var r = off + 1
        for _ in 0..<n {
            let len = Int(b[r])
            let s = r + 1
            var l = 0
            while l < len, qi + l < q.count, b[s + l] == q[qi + l] { l += 1 }
            if l > 0 {
                switch mode {
                case .exact:
                    if l == len, matchRest(b, next, left - 1, q, qi + len, mode) { return true }
                case .full:
                    if l == len { if matchRest(b, next, left - 1, q, qi + len, mode) { return true } }
                    else if qi + l == q.count { return true }
                case .initials:
                    if matchRest(b, next, left - 1, q, qi + 1, mode) { return true }
                case .any:
                    var k = l
                    while k >= 1 {
                        if matchRest(b, next, left - 1, q, qi + k, mode) { return true }
                        k -= 1
                    }
                }
            }
            r = s + len
        }
        return false
    }

    private func findDigits(_ d: [UInt8], into buckets: inout Buckets) {
        var seen = Set<Int32>()
        let isID = d.last == UInt8(ascii: "X")
        if !isID, d.count >= 3 {
            for slot in phoneHead[RosterSearch.key(d.prefix(3))] ?? [] {
                let e = entries[Int(slot)]
                if let p = e.phones.first(where: { $0.digits.starts(with: d) }), seen.insert(slot).inserted {
                    buckets.add(slot, e.deceased, p.digits.count == d.count ? .exact : .prefix, .phone(p.stored, p.owner))
                }
            }
        }
        guard d.count >= 4 else { return }
        let tail = RosterSearch.key(d.suffix(4))
        if !isID {
            for slot in phoneTail[tail] ?? [] where !seen.contains(slot) {
                let e = entries[Int(slot)]
                // Stored without area code, asked with it (or the other way round).
                if let p = e.phones.first(where: { $0.digits.ends(with: d) || ($0.digits.count >= 7 && d.ends(with: $0.digits)) }) {
                    seen.insert(slot)
                    buckets.add(slot, e.deceased, .other, .phone(p.stored, p.owner))
                }
            }
        }
        for slot in idTail[tail] ?? [] where !seen.contains(slot) {
            let e = entries[Int(slot)]
            if e.idNumber.ends(with: d) {
                seen.insert(slot)
                buckets.add(slot, e.deceased, d.count == 18 ? .exact : .other, .idNumber)
            }
        }
    }

    struct Buckets {
        var lists: [[(Int32, Match)]] = Array(repeating: [], count: 8)
        var total = 0

        mutating func add(_ slot: Int32, _ deceased: Bool, _ rank: Rank, _ match: Match) {
            total += 1
            lists[(deceased ? 4 : 0) + rank.rawValue].append((slot, match))
        }

        func result(limit: Int, _ entries: [Entry]) -> Result {
            var hits: [Hit] = []
            hits.reserveCapacity(min(limit, total))
            outer: for (b, list) in lists.enumerated() {
                for (slot, match) in list {
                    if hits.count >= limit { break outer }
                    let e = entries[Int(slot)]
                    hits.append(Hit(id: e.id, rank: Rank(rawValue: b % 4)!, match: match, deceased: e.deceased))
                }
            }
            return Result(hits: hits, total: total)
        }
    }
}

extension Array where Element == UInt8 {
    func ends(with s: [UInt8]) -> Bool { s.count <= count && self[(count - s.count)...].elementsEqual(s) }
}

extension Roster {
    /// Search as you type (see `RosterSearch`).
    public func find(_ query: String, limit: Int = 50) -> RosterSearch.Result { search.find(query, limit: limit) }
}

import Foundation
