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
/// A role that sees files masked (`RosterPrivacy`) searches with `.masked`
/// reach: digits match only what its masked view shows (a phone's visible
/// start and last 4, the ID number's last 4), so that trying digit after
/// digit reveals nothing hidden.
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

    /// What digit queries may match: everything stored, or only what a masked view shows.
    public enum Reach: Sendable, Hashable {
        case whole, masked
    }

    struct Phone: Sendable {
        var digits: [UInt8]
        var stored: String
        var owner: PhoneOwner
        /// Of `digits`: how many at the start, and whether the last 4, the masked phone shows.
        var shownHead: UInt8
        var shownTail: Bool
    }

    // One slot per file, in parallel arrays so that a keystroke scans flat
    // memory without copying (and retaining) a struct per file.
    private var ids: [ID<Cadre>] = []
    private var slots: [ID<Cadre>: Int32] = [:]
    private var names: [[UInt32]] = []
    /// Pinyin of every name, one block per file (`pyStart`): per character its
    /// reading count, then (length, ASCII bytes) per reading. A changed name
    /// gets a new block at the end; the old bytes stay until `compact`.
    private var arena: [UInt8] = []
    private var pyStart: [Int32] = []
    private var pyChars: [UInt8] = []
    /// Bit per letter: first letters of any reading / letters anywhere in the readings.
    private var startMask: [UInt32] = []
    private var anyMask: [UInt32] = []
    private var deceased: [Bool] = []
    private var phones: [[Phone]] = []
    private var idNumbers: [[UInt8]] = []
    private var byHan: [UInt32: [Int32]] = [:]
    /// Phones by their last 4 digits (slots), and by their first 3…7 digits
    /// (key and length) as `slot << 8 | digit count << 4 | phone index`, so
    /// that typing a number's start needs no look at the phones themselves.
    private var phoneTail: [Int: [Int32]] = [:]
    private var phoneHead: [Int: [Int32]] = [:]
    private var idTail: [Int: [Int32]] = [:]
    /// Prefix lengths keyed; a longer query uses the longest key and checks the rest.
    static let headLengths = [3, 4, 5, 7]

    public init() {}

    public var count: Int { ids.count }

    // MARK: - Maintenance

    static func facetsDiffer(_ a: Cadre, _ b: Cadre) -> Bool {
        a.name != b.name || a.phone != b.phone || a.idNumber != b.idNumber || a.isDeceased != b.isDeceased
            || a.family.map(\.phone) != b.family.map(\.phone)
    }

    mutating func put(_ c: Cadre) {
        let slot: Int32
        if let s = slots[c.id] {
            slot = s
            unindex(s)
        } else {
            slot = Int32(ids.count)
            slots[c.id] = slot
            ids.append(c.id)
            names.append([])
            pyStart.append(0)
            pyChars.append(0)
            startMask.append(0)
            anyMask.append(0)
            deceased.append(false)
            phones.append([])
            idNumbers.append([])
        }
        let i = Int(slot)
        names[i] = c.name.unicodeScalars.map(\.value)
        let py = PinyinBlock.of(c.name)
        pyStart[i] = Int32(arena.count)
        arena.append(contentsOf: py.bytes)
        pyChars[i] = py.chars
        startMask[i] = py.startMask
        anyMask[i] = py.anyMask
        deceased[i] = c.isDeceased
        var ps: [Phone] = []
        func add(_ p: String?, _ owner: PhoneOwner) {
            guard let p else { return }
            let d = RosterSearch.dialledDigits(p)
            guard d.count >= 4 else { return }
            let shown = RosterSearch.shownDigits(p)
            ps.append(Phone(digits: d, stored: p, owner: owner, shownHead: shown.head, shownTail: shown.tail))
        }
        add(c.phone, .cadre)
        for (n, f) in c.family.enumerated() { add(f.phone, .family(n)) }
        phones[i] = ps
        idNumbers[i] = Array((c.idNumber ?? "").utf8)
        index(slot)
        if arena.count > 1 << 16, arena.count > 4 * ids.count * 16 { compact() }
    }

    @inline(__always)
    static func bit(_ letter: UInt8) -> UInt32 { letter >= 97 && letter <= 122 ? 1 << UInt32(letter - 97) : 0 }

    /// Drops the bytes of replaced names (after many renames).
    private mutating func compact() {
        var fresh: [UInt8] = []
        fresh.reserveCapacity(arena.count / 2)
        for i in ids.indices {
            let from = Int(pyStart[i])
            var end = from
            for _ in 0..<Int(pyChars[i]) {
                let n = Int(arena[end])
                end += 1
                for _ in 0..<n { end += 1 + Int(arena[end]) }
            }
            pyStart[i] = Int32(fresh.count)
            fresh.append(contentsOf: arena[from..<end])
        }
        arena = fresh
    }

    /// The digits one dials for a stored (normalized) phone: `0951-5012345-8001`
    /// → `09515012345` (area code and number, no extension). Byte work only:
    /// this runs for every phone when a log opens.
    static func dialledDigits(_ phone: String) -> [UInt8] {
        var parts: [[UInt8]] = [[]]
        for b in phone.utf8 {
            if b == UInt8(ascii: "-") { parts.append([]) } else if (48...57).contains(b) { parts[parts.count - 1].append(b) }
        }
        if parts[0].first == UInt8(ascii: "0"), parts.count >= 2 { return parts[0] + parts[1] }
        return parts[0]
    }

    /// Which of a phone's dialled digits `PhoneNumber.masked` shows: how many at
    /// the start (`138`, the area code `0951`) and whether the last 4 (not when an
    /// extension follows: then the extension's are shown). Bytes only, as above.
    static func shownDigits(_ phone: String) -> (head: UInt8, tail: Bool) {
        let dash = UInt8(ascii: "-")
        var total = 0, firstDash: Int?, parts = 1, i = 0
        for b in phone.utf8 {
            if b >= 128 { return (0, false) }
            if (48...57).contains(b) { total += 1 } else if b == dash { parts += 1; if firstDash == nil { firstDash = i } }
            i += 1
        }
        guard total >= 7 else { return (0, false) }
        let keepHead = phone.utf8.first == UInt8(ascii: "1") ? 3 : (firstDash ?? 0)
        let dialledParts = phone.utf8.first == UInt8(ascii: "0") && parts >= 2 ? 2 : 1
        var head = 0, headOpen = true, tailRun = 0, n = 0, part = 0
        i = 0
        for b in phone.utf8 {
            defer { i += 1 }
            if b == dash { part += 1; continue }
            guard (48...57).contains(b) else { continue }
            let shown = i < keepHead || n >= total - 4
            n += 1
            guard part < dialledParts else { continue }
            if headOpen { if shown { head += 1 } else { headOpen = false } }
            tailRun = shown ? tailRun + 1 : 0
        }
        return (UInt8(min(head, 255)), tailRun >= 4)
    }

    static func headKey(_ d: [UInt8], _ length: Int) -> Int { key(d.prefix(length)) << 3 | length }

    private mutating func index(_ slot: Int32) {
        let i = Int(slot)
        // Names, phones and keys per file are few: small arrays dedupe faster than sets.
        var seenChars: [UInt32] = []
        for v in names[i] where !seenChars.contains(v) {
            seenChars.append(v)
            byHan[v, default: []].append(slot)
        }
        var tails: [Int] = [], heads: [Int] = []
        for (n, p) in phones[i].enumerated() {
            let t = RosterSearch.key(p.digits.suffix(4))
            if !tails.contains(t) {
                tails.append(t)
                phoneTail[t, default: []].append(slot)
            }
            for length in RosterSearch.headLengths where length <= p.digits.count {
                let h = RosterSearch.headKey(p.digits, length)
                if heads.contains(h) { continue }
                heads.append(h)
                phoneHead[h, default: []].append(slot << 8 | Int32(min(p.digits.count, 15)) << 4 | Int32(n))
            }
        }
        if idNumbers[i].count >= 4 { idTail[RosterSearch.key(idNumbers[i].suffix(4)), default: []].append(slot) }
    }

    private mutating func unindex(_ slot: Int32) {
        let i = Int(slot)
        func drop<K: Hashable>(_ table: inout [K: [Int32]], _ k: K) {
            table[k]?.removeAll { $0 == slot }
            if table[k]?.isEmpty == true { table[k] = nil }
        }
        for v in Set(names[i]) { drop(&byHan, v) }
        var tails = Set<Int>(), heads = Set<Int>()
        for p in phones[i] {
            tails.insert(RosterSearch.key(p.digits.suffix(4)))
            for length in RosterSearch.headLengths where length <= p.digits.count { heads.insert(RosterSearch.headKey(p.digits, length)) }
        }
        for t in tails { drop(&phoneTail, t) }
        for h in heads {
            phoneHead[h]?.removeAll { $0 >> 8 == slot }
            if phoneHead[h]?.isEmpty == true { phoneHead[h] = nil }
        }
        if idNumbers[i].count >= 4 { drop(&idTail, RosterSearch.key(idNumbers[i].suffix(4))) }
    }

    /// Digits (and a final X as 10) read as a base-11 number: a dictionary key without strings.
    static func key<C: Collection<UInt8>>(_ bytes: C) -> Int {
        var k = 0
        for b in bytes { k = k * 11 + (b == UInt8(ascii: "X") ? 10 : Int(b) - 48) }
        return k
    }

    // MARK: - Queries

    /// The files matching `query`, best first; at most `limit` hits, with the total.
    public func find(_ query: String, limit: Int = 50, reach: Reach = .whole) -> Result {
        let q = Blank.trim(query)
        if q.isEmpty { return .empty }
        var buckets = Buckets()
        let scalars = Array(q.unicodeScalars)
        if scalars.contains(where: { PersonName.isHan(Character($0)) }) {
            findHan(scalars.filter { $0 != " " }.map(\.value), into: &buckets)
        } else if let n = RosterSearch.fileNumber(q) {
            if let slot = slots[n] { buckets.add(slot, deceased[Int(slot)], .exact, Code.fileNumber) }
        } else {
            let cleaned = Array(q.uppercased().utf8).filter { $0 != 32 && $0 != UInt8(ascii: "-") }
            if !cleaned.isEmpty, cleaned.dropLast().allSatisfy({ (48...57).contains($0) }),
               let last = cleaned.last, (48...57).contains(last) || last == UInt8(ascii: "X") {
                if reach == .whole { findDigits(cleaned, into: &buckets) } else { findShownDigits(cleaned, into: &buckets) }
            } else {
                let letters = Array(q.lowercased().utf8).filter { $0 != 32 && $0 != UInt8(ascii: "'") }
                if letters.allSatisfy({ (97...122).contains($0) }) { findPinyin(letters, into: &buckets) }
            }
        }
        return buckets.result(limit: limit, self)
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
            let name = names[Int(slot)]
            guard let at = RosterSearch.firstIndex(of: q, in: name) else { continue }
            let rank: Rank = at == 0 ? (name.count == q.count ? .exact : .prefix) : .other
            buckets.add(slot, deceased[Int(slot)], rank, Code.name)
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
        guard let first = query.first else { return }
        let firstBit = RosterSearch.bit(first)
        var need: UInt32 = 0
        for b in query { need |= RosterSearch.bit(b) }
        query.withUnsafeBufferPointer { q in
            arena.withUnsafeBufferPointer { a in
                startMask.withUnsafeBufferPointer { sm in
                    anyMask.withUnsafeBufferPointer { am in
                        for i in 0..<sm.count where sm[i] & firstBit != 0 && am[i] & need == need {
                            let b = UnsafeBufferPointer(rebasing: a[Int(pyStart[i])...])
                            guard let rank = RosterSearch.pinyinRank(b, Int(pyChars[i]), q) else { continue }
                            buckets.add(Int32(i), deceased[i], rank, rank == .initials ? Code.initials : Code.pinyin)
                        }
                    }
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
        let isID = d.last == UInt8(ascii: "X")
        let byHead = !isID && d.count >= RosterSearch.headLengths[0]
        if byHead {
            let n = RosterSearch.headLengths.last { $0 <= d.count }!
            let k = RosterSearch.headKey(d, n)
            // Each file is listed once per key; when the query is as long as the key, the key is the match.
            for packed in phoneHead[k] ?? [] {
                let slot = packed >> 8
                var length = Int(packed >> 4 & 15), p = Int(packed & 15)
                if d.count > n {
                    guard let q = phones[Int(slot)].firstIndex(where: { $0.digits.starts(with: d) }) else { continue }
                    p = q
                    length = phones[Int(slot)][q].digits.count
                }
                buckets.add(slot, deceased[Int(slot)], length == d.count ? .exact : .prefix, Code.phone + p)
            }
        }
        guard d.count >= 4 else { return }
        func foundByHead(_ slot: Int32) -> Bool { byHead && phones[Int(slot)].contains { $0.digits.starts(with: d) } }
        var seen = Set<Int32>()
        let tail = RosterSearch.key(d.suffix(4))
        if !isID {
            for slot in phoneTail[tail] ?? [] where !foundByHead(slot) {
                // Stored without area code, asked with it (or the other way round).
                if let p = phones[Int(slot)].firstIndex(where: { $0.digits.ends(with: d) || ($0.digits.count >= 7 && d.ends(with: $0.digits)) }) {
                    seen.insert(slot)
                    buckets.add(slot, deceased[Int(slot)], .other, Code.phone + p)
                }
            }
        }
        for slot in idTail[tail] ?? [] where !seen.contains(slot) && !foundByHead(slot) {
            if idNumbers[Int(slot)].ends(with: d) {
                buckets.add(slot, deceased[Int(slot)], d.count == 18 ? .exact : .other, Code.idNumber)
            }
        }
    }

    /// Digits as a masked view shows them: a phone's shown start (3 digits, or
    /// a 4-digit area code), its last 4 or the ID number's last 4, or a whole
    /// number typed out whose shown digits agree (the hidden ones are not
    /// compared). Whether a file matches depends on nothing that view hides.
    private func findShownDigits(_ d: [UInt8], into buckets: inout Buckets) {
        let isID = d.last == UInt8(ascii: "X")
        var seen = Set<Int32>()
        if !isID, RosterSearch.headLengths.contains(d.count), d.count <= 4 {
            for packed in phoneHead[RosterSearch.headKey(d, d.count)] ?? [] {
                let slot = packed >> 8
                guard let p = phones[Int(slot)].firstIndex(where: { Int($0.shownHead) >= d.count && $0.digits.starts(with: d) })
                else { continue }
                seen.insert(slot)
                buckets.add(slot, deceased[Int(slot)], .prefix, Code.phone + p)
            }
        }
        guard d.count >= 4 else { return }
        let last4 = Array(d.suffix(4))
        let tail = RosterSearch.key(last4)
        if !isID {
            for slot in phoneTail[tail] ?? [] where !seen.contains(slot) {
                let found = phones[Int(slot)].firstIndex { p in
                    guard p.shownTail, p.digits.ends(with: last4) else { return false }
                    if d.count == 4 { return true }
                    let head = Int(p.shownHead)
                    return p.digits.count == d.count && p.digits.prefix(head).elementsEqual(d.prefix(head))
                }
                guard let p = found else { continue }
                seen.insert(slot)
                buckets.add(slot, deceased[Int(slot)], .other, Code.phone + p)
            }
        }
        for slot in idTail[tail] ?? [] where !seen.contains(slot) {
            let n = idNumbers[Int(slot)]
            // `ResidentID.masked` shows the first and last four of a number longer than 8.
            guard n.count > 8, n.ends(with: last4),
                  d.count == 4 || (d.count == n.count && n.prefix(4).elementsEqual(d.prefix(4))) else { continue }
            buckets.add(slot, deceased[Int(slot)], .other, Code.idNumber)
        }
    }

    /// What matched, compactly: a kind, or `phone + n` for the file's n-th phone.
    enum Code {
        static let name = 0, pinyin = 1, initials = 2, idNumber = 3, fileNumber = 4, phone = 16
    }

    func match(_ slot: Int32, _ code: Int) -> Match {
        switch code {
        case Code.name: return .name
        case Code.pinyin: return .pinyin
        case Code.initials: return .initials
        case Code.idNumber: return .idNumber
        case Code.fileNumber: return .fileNumber
        default:
            let p = phones[Int(slot)][code - Code.phone]
            return .phone(p.stored, p.owner)
        }
    }

    struct Buckets {
        var lists: [[(Int32, Int32)]] = Array(repeating: [], count: 8)
        var total = 0

        mutating func add(_ slot: Int32, _ deceased: Bool, _ rank: Rank, _ code: Int) {
            total += 1
            lists[(deceased ? 4 : 0) + rank.rawValue].append((slot, Int32(code)))
        }

        func result(limit: Int, _ index: RosterSearch) -> Result {
            var hits: [Hit] = []
            hits.reserveCapacity(min(limit, total))
            outer: for (b, list) in lists.enumerated() {
                for (slot, code) in list {
                    if hits.count >= limit { break outer }
                    hits.append(Hit(id: index.ids[Int(slot)], rank: Rank(rawValue: b % 4)!, match: index.match(slot, Int(code)),
                                    deceased: b >= 4))
                }
            }
            return Result(hits: hits, total: total)
        }
    }
}

/// A name's pinyin laid out for the search scan, cached per name (names
/// repeat: 王建国 is many people), so opening a log computes each once.
struct PinyinBlock: Sendable {
    var bytes: [UInt8]
    var chars: UInt8
    var startMask: UInt32
    var anyMask: UInt32

    static func of(_ name: String) -> PinyinBlock {
        if let hit = cache.get(name) { return hit }
        let readings = Pinyin.nameReadings(name)
        var b = PinyinBlock(bytes: [], chars: UInt8(min(readings.count, 255)), startMask: 0, anyMask: 0)
        for rs in readings.prefix(255) {
            b.bytes.append(UInt8(min(rs.count, 255)))
            for r in rs.prefix(255) {
                let u = Array(r.utf8.prefix(255))
                b.bytes.append(UInt8(u.count))
                b.bytes.append(contentsOf: u)
                if let f = u.first { b.startMask |= RosterSearch.bit(f) }
                for x in u { b.anyMask |= RosterSearch.bit(x) }
            }
        }
        cache.set(name, b)
        return b
    }

    private final class Cache: @unchecked Sendable {
        private var table: [String: PinyinBlock] = [:]
        private let lock = NSLock()
        func get(_ k: String) -> PinyinBlock? { lock.lock(); defer { lock.unlock() }; return table[k] }
        func set(_ k: String, _ v: PinyinBlock) { lock.lock(); table[k] = v; lock.unlock() }
        func clear() { lock.lock(); table = [:]; lock.unlock() }
    }
    private static let cache = Cache()
    static func clearCache() { cache.clear() }
}

extension Array where Element == UInt8 {
    func ends(with s: [UInt8]) -> Bool { s.count <= count && self[(count - s.count)...].elementsEqual(s) }
}

extension Roster {
    /// Search as you type (see `RosterSearch`).
    public func find(_ query: String, limit: Int = 50) -> RosterSearch.Result { search.find(query, limit: limit) }

    /// Search as `role` may: digits match only what that role's view of a file shows.
    public func find(_ query: String, limit: Int = 50, as role: Role) -> RosterSearch.Result {
        search.find(query, limit: limit, reach: RosterPrivacy.searchReach(role))
    }
}

import Foundation
