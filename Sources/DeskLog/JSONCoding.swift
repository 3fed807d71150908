import Foundation

/// `Codable` over `JSON` values. Foundation's JSONDecoder costs ~13 µs per
/// small event on Linux; decoding from our own parsed tree is several times
/// cheaper, which matters for opening a million-event log.
///
/// Stored property names are the log's field names: renaming one is a format
/// change (the golden-event tests catch it). `Date` is written as a
/// `Timestamp` string in UTC; prefer the domain's date types in payloads.
public enum JSONCoding {
    public static func encode<T: Encodable>(_ value: T) throws -> JSON {
        let enc = TreeEncoder(codingPath: [])
        try enc.encodeAny(value)
        return enc.root.json
    }

    public static func decode<T: Decodable>(_ type: T.Type, from json: JSON) throws -> T {
        try TreeDecoder(json).decodeAny(T.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        try decode(type, from: try JSON.parse(bytes))
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

// MARK: - Encoding

final class Node {
    enum Kind { case empty, value(JSON), object([String], [Node]), array([Node]) }
    var kind: Kind = .empty
    init() {}
    init(_ v: JSON) { kind = .value(v) }

    var json: JSON {
        switch kind {
        case .empty: return .object(JSONObject())
        case .value(let v): return v
        case .object(let keys, let nodes):
            var members: [JSONObject.Member] = []
            members.reserveCapacity(keys.count)
            for (k, n) in zip(keys, nodes) { members.append(.init(key: k, value: n.json)) }
            return .object(JSONObject(members))
        case .array(let nodes): return .array(nodes.map(\.json))
        }
    }

    func set(_ key: String, _ node: Node) {
        if case .object(var keys, var nodes) = kind {
            if let i = keys.firstIndex(of: key) { nodes[i] = node } else { keys.append(key); nodes.append(node) }
            kind = .object(keys, nodes)
        } else {
            kind = .object([key], [node])
        }
    }

    func append(_ node: Node) {
        if case .array(var nodes) = kind { nodes.append(node); kind = .array(nodes) } else { kind = .array([node]) }
    }
}

final class TreeEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let root: Node

    init(codingPath: [any CodingKey], root: Node = Node()) {
        self.codingPath = codingPath
        self.root = root
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = root.kind { root.kind = .object([], []) }
        return KeyedEncodingContainer(KeyedEnc<Key>(encoder: self, node: root))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = root.kind { root.kind = .array([]) }
        return UnkeyedEnc(encoder: self, node: root)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleEnc(encoder: self) }

    func encodeAny<T: Encodable>(_ value: T) throws {
        if let node = Self.primitive(value) { root.kind = node.kind; return }
        try value.encode(to: self)
    }

    /// Builds a node for a value at `key` (or array position).
    func child<T: Encodable>(_ value: T, key: any CodingKey) throws -> Node {
        if let node = Self.primitive(value) { return node }
        let sub = TreeEncoder(codingPath: codingPath + [key])
        try value.encode(to: sub)
        return sub.root
    }

    static func primitive<T: Encodable>(_ value: T) -> Node? {
        switch value {
        case let v as String: return Node(.string(v))
        case let v as Int: return Node(.int(Int64(v)))
        case let v as Int64: return Node(.int(v))
        case let v as Bool: return Node(.bool(v))
        case let v as UUID: return Node(.string(v.uuidString.lowercased()))
        case let v as Date: return Node(.string(Timestamp(v, timeZone: TimeZone(secondsFromGMT: 0)!).description))
        case let v as JSON: return Node(v)
        default: return nil
        }
    }
}

struct KeyedEnc<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    let node: Node
    var codingPath: [any CodingKey] { encoder.codingPath }

    func encodeNil(forKey key: Key) throws { node.set(key.stringValue, Node(.null)) }
    func encode(_ value: Bool, forKey key: Key) throws { node.set(key.stringValue, Node(.bool(value))) }
    func encode(_ value: String, forKey key: Key) throws { node.set(key.stringValue, Node(.string(value))) }
    func encode(_ value: Double, forKey key: Key) throws { node.set(key.stringValue, Node(.double(value))) }
    func encode(_ value: Float, forKey key: Key) throws { node.set(key.stringValue, Node(.double(Double(value)))) }
    func encode(_ value: Int, forKey key: Key) throws { node.set(key.stringValue, Node(.int(Int64(value)))) }
    func encode(_ value: Int8, forKey key: Key) throws { node.set(key.stringValue, Node(.int(Int64(value)))) }
    func encode(_ value: Int16, forKey key: Key) throws { node.set(key.stringValue, Node(.int(Int64(value)))) }
    func encode(_ value: Int32, forKey key: Key) throws { node.set(key.stringValue, Node(.int(Int64(value)))) }
    func encode(_ value: Int64, forKey key: Key) throws { node.set(key.stringValue, Node(.int(value))) }
    func encode(_ value: UInt, forKey key: Key) throws { node.set(key.stringValue, Node(.int(try checked(value, key)))) }
    func encode(_ value: UInt8, forKey key: Key) throws { node.set(key.stringValue, Node(.int(Int64(value)))) }
    func encode(_ value: UInt16, forKey key: Key) throws { node.set(key.stringValue, Node(.int(Int64(value)))) }
    func encode(_ value: UInt32, forKey key: Key) throws { node.set(key.stringValue, Node(.int(Int64(value)))) }
    func encode(_ value: UInt64, forKey key: Key) throws { node.set(key.stringValue, Node(.int(try checked(value, key)))) }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws { node.set(key.stringValue, try encoder.child(value, key: key)) }

    private func checked<U: BinaryInteger>(_ v: U, _ key: Key) throws -> Int64 {
        guard let i = Int64(exactly: v) else {
            throw EncodingError.invalidValue(v, .init(codingPath: codingPath + [key], debugDescription: "integer too large"))
        }
        return i
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Node(); child.kind = .object([], [])
        node.set(key.stringValue, child)
        return KeyedEncodingContainer(KeyedEnc<NestedKey>(encoder: TreeEncoder(codingPath: codingPath + [key], root: child), node: child))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node(); child.kind = .array([])
        node.set(key.stringValue, child)
        return UnkeyedEnc(encoder: TreeEncoder(codingPath: codingPath + [key], root: child), node: child)
    }

    func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
    func superEncoder(forKey key: Key) -> any Encoder {
        let child = Node()
        node.set(key.stringValue, child)
        return TreeEncoder(codingPath: codingPath + [key], root: child)
    }
}

struct UnkeyedEnc: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    let node: Node
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { if case .array(let a) = node.kind { return a.count } else { return 0 } }

    func encodeNil() throws { node.append(Node(.null)) }
    func encode<T: Encodable>(_ value: T) throws { node.append(try encoder.child(value, key: AnyKey(intValue: count))) }
    func encode(_ value: String) throws { node.append(Node(.string(value))) }
    func encode(_ value: Int) throws { node.append(Node(.int(Int64(value)))) }
    func encode(_ value: Bool) throws { node.append(Node(.bool(value))) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Node(); child.kind = .object([], [])
        let key = AnyKey(intValue: count)
        node.append(child)
        return KeyedEncodingContainer(KeyedEnc<NestedKey>(encoder: TreeEncoder(codingPath: codingPath + [key], root: child), node: child))
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node(); child.kind = .array([])
        let key = AnyKey(intValue: count)
        node.append(child)
        return UnkeyedEnc(encoder: TreeEncoder(codingPath: codingPath + [key], root: child), node: child)
    }

    func superEncoder() -> any Encoder {
        let child = Node()
        let key = AnyKey(intValue: count)
        node.append(child)
        return TreeEncoder(codingPath: codingPath + [key], root: child)
    }
}

struct SingleEnc: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    func encodeNil() throws { encoder.root.kind = .value(.null) }
    func encode(_ value: Bool) throws { encoder.root.kind = .value(.bool(value)) }
    func encode(_ value: String) throws { encoder.root.kind = .value(.string(value)) }
    func encode(_ value: Double) throws { encoder.root.kind = .value(.double(value)) }
    func encode(_ value: Float) throws { encoder.root.kind = .value(.double(Double(value))) }
    func encode(_ value: Int) throws { encoder.root.kind = .value(.int(Int64(value))) }
    func encode(_ value: Int8) throws { encoder.root.kind = .value(.int(Int64(value))) }
    func encode(_ value: Int16) throws { encoder.root.kind = .value(.int(Int64(value))) }
    func encode(_ value: Int32) throws { encoder.root.kind = .value(.int(Int64(value))) }
    func encode(_ value: Int64) throws { encoder.root.kind = .value(.int(value)) }
    func encode(_ value: UInt8) throws { encoder.root.kind = .value(.int(Int64(value))) }
    func encode(_ value: UInt16) throws { encoder.root.kind = .value(.int(Int64(value))) }
    func encode(_ value: UInt32) throws { encoder.root.kind = .value(.int(Int64(value))) }
    func encode(_ value: UInt) throws {
        guard let i = Int64(exactly: value) else { throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "integer too large")) }
        encoder.root.kind = .value(.int(i))
    }
    func encode(_ value: UInt64) throws {
        guard let i = Int64(exactly: value) else { throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "integer too large")) }
        encoder.root.kind = .value(.int(i))
    }
    func encode<T: Encodable>(_ value: T) throws {
        if let node = TreeEncoder.primitive(value) { encoder.root.kind = node.kind; return }
        try value.encode(to: encoder)
    }
}

// MARK: - Decoding

/// Where a container is in the document. The coding path is put together only
/// when something asks for it (an error message): building an array of keys
/// for every field decoded was a good part of opening a large log.
final class PathNode: @unchecked Sendable {
    let parent: PathNode?
    let key: (any CodingKey)?

    init(parent: PathNode?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    static let root = PathNode(parent: nil, key: nil)

    var path: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: PathNode? = self
        while let n = node, let k = n.key {
            keys.append(k)
            node = n.parent
        }
        return keys.reversed()
    }
}

struct TreeDecoder: Decoder {
    let value: JSON
    /// The container this value sits in, and its key there (nil at the root).
    let parent: PathNode
    let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSON, parent: PathNode = .root, key: (any CodingKey)? = nil) {
        self.value = value
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] { parent.path + (key.map { [$0] } ?? []) }
    private var here: PathNode { key.map { PathNode(parent: parent, key: $0) } ?? parent }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let o) = value else { throw mismatch("object") }
        return KeyedDecodingContainer(KeyedDec<Key>(object: o, node: here))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let a) = value else { throw mismatch("array") }
        return UnkeyedDec(items: a, node: here)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleDec(decoder: self) }

    func mismatch(_ expected: String) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(value.kindName)"))
    }

    func decodeAny<T: Decodable>(_ type: T.Type) throws -> T {
        if let v = try Self.primitive(type, value, codingPath) { return v }
        return try T(from: self)
    }

    static func primitive<T: Decodable>(_ type: T.Type, _ value: JSON, _ path: @autoclosure () -> [any CodingKey]) throws -> T? {
        if T.self == String.self {
            guard case .string(let s) = value else { throw mismatchError(path(), "string", value) }
            return (s as! T)
        }
        if T.self == Int.self { return (Int(try integer(value, path(), Int.self)) as! T) }
        if T.self == Int64.self { return (try integer(value, path(), Int64.self) as! T) }
        if T.self == Bool.self {
            guard case .bool(let b) = value else { throw mismatchError(path(), "bool", value) }
            return (b as! T)
        }
        if T.self == UUID.self {
            guard case .string(let s) = value, let u = UUID(uuidString: s) else { throw mismatchError(path(), "UUID", value) }
            return (u as! T)
        }
        if T.self == Date.self {
            guard case .string(let s) = value, let t = Timestamp(s) else { throw mismatchError(path(), "timestamp", value) }
            return (t.date as! T)
        }
        if T.self == JSON.self { return (value as! T) }
        return nil
    }

    static func integer<I: FixedWidthInteger>(_ value: JSON, _ path: @autoclosure () -> [any CodingKey], _ type: I.Type) throws -> I {
        guard case .int(let i) = value else { throw mismatchError(path(), "integer", value) }
        guard let v = I(exactly: i) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "\(i) does not fit \(I.self)"))
        }
        return v
    }

    static func mismatchError(_ path: [any CodingKey], _ expected: String, _ value: JSON) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: path, debugDescription: "expected \(expected), found \(value.kindName)"))
    }
}

extension JSON {
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

struct KeyedDec<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let node: PathNode
    var codingPath: [any CodingKey] { node.path }

    var allKeys: [Key] { object.members.compactMap { Key(stringValue: $0.key) } }
    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    func get(_ key: Key) throws -> JSON {
        guard let v = object[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing \"\(key.stringValue)\""))
        }
        return v
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let v = object[key.stringValue] else { return true }
        if case .null = v { return true }
        return false
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let v = try get(key)
        guard case .string(let s) = v else { throw TreeDecoder.mismatchError(path(key), "string", v) }
        return s
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let v = try get(key)
        guard case .bool(let b) = v else { throw TreeDecoder.mismatchError(path(key), "bool", v) }
        return b
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try TreeDecoder.integer(try get(key), path(key), Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try TreeDecoder.integer(try get(key), path(key), Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try TreeDecoder.integer(try get(key), path(key), Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try TreeDecoder.integer(try get(key), path(key), Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try TreeDecoder.integer(try get(key), path(key), Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try TreeDecoder.integer(try get(key), path(key), UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try TreeDecoder.integer(try get(key), path(key), UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try TreeDecoder.integer(try get(key), path(key), UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try TreeDecoder.integer(try get(key), path(key), UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try TreeDecoder.integer(try get(key), path(key), UInt64.self) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        switch try get(key) {
        case .double(let d): return d
        case .int(let i): return Double(i)
        case let v: throw TreeDecoder.mismatchError(path(key), "number", v)
        }
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decode(Double.self, forKey: key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let v = try get(key)
        if let p = try TreeDecoder.primitive(type, v, path(key)) { return p }
        return try T(from: TreeDecoder(v, parent: node, key: key))
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let v = object[key.stringValue] else { return nil }
        if case .null = v { return nil }
        guard case .string(let s) = v else { throw TreeDecoder.mismatchError(path(key), "string", v) }
        return s
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let v = object[key.stringValue] else { return nil }
        if case .null = v { return nil }
        if let p = try TreeDecoder.primitive(type, v, path(key)) { return p }
        return try T(from: TreeDecoder(v, parent: node, key: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(try get(key), parent: node, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(try get(key), parent: node, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { TreeDecoder(object["super"] ?? .null, parent: node) }
    func superDecoder(forKey key: Key) throws -> any Decoder { TreeDecoder(object[key.stringValue] ?? .null, parent: node, key: key) }
}

struct UnkeyedDec: UnkeyedDecodingContainer {
    let items: [JSON]
    let node: PathNode
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    var codingPath: [any CodingKey] { node.path }

    init(items: [JSON], node: PathNode) {
        self.items = items
        self.node = node
    }

    /// The next item, as a decoder that knows where it is.
    mutating func next() throws -> TreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "array ended"))
        }
        defer { currentIndex += 1 }
        return TreeDecoder(items[currentIndex], parent: node, key: AnyKey(intValue: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return true }
        if case .null = items[currentIndex] { currentIndex += 1; return true }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let item = try next()
        if let p = try TreeDecoder.primitive(type, item.value, item.codingPath) { return p }
        if T.self == Double.self { return try SingleDec(decoder: item).decode(Double.self) as! T }
        return try T(from: item)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct SingleDec: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var value: JSON { decoder.value }
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { if case .null = value { return true } else { return false } }
    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let b) = value else { throw TreeDecoder.mismatchError(codingPath, "bool", value) }
        return b
    }
    func decode(_ type: String.Type) throws -> String {
        guard case .string(let s) = value else { throw TreeDecoder.mismatchError(codingPath, "string", value) }
        return s
    }
    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default: throw TreeDecoder.mismatchError(codingPath, "number", value)
        }
    }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try TreeDecoder.integer(value, codingPath, Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try TreeDecoder.integer(value, codingPath, Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try TreeDecoder.integer(value, codingPath, Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try TreeDecoder.integer(value, codingPath, Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try TreeDecoder.integer(value, codingPath, Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try TreeDecoder.integer(value, codingPath, UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try TreeDecoder.integer(value, codingPath, UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try TreeDecoder.integer(value, codingPath, UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try TreeDecoder.integer(value, codingPath, UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try TreeDecoder.integer(value, codingPath, UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let p = try TreeDecoder.primitive(type, value, codingPath) { return p }
        return try T(from: decoder)
    }
}
