import DeskLog

/// The members of a JSON object for a hand-written decoder, with the errors
/// the Codable path would give (`DecodingError`, naming the key).
struct JSONFields {
    let object: JSONObject
    let path: [any CodingKey]

    init(_ json: JSON, at path: [any CodingKey]) throws {
        guard case .object(let o) = json else {
            throw DecodingError.typeMismatch(JSONObject.self, .init(codingPath: path, debugDescription: "expected object"))
        }
        object = o
        self.path = path
    }

    subscript(_ key: String) -> JSON {
        get throws {
            guard let v = object[key] else {
                throw DecodingError.keyNotFound(AnyCodingKey(key), .init(codingPath: path, debugDescription: "missing \"\(key)\""))
            }
            return v
        }
    }

    private func mismatch(_ key: String, _ expected: String) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: path + [AnyCodingKey(key)], debugDescription: "expected \(expected)"))
    }

    func string(_ key: String) throws -> String {
        guard case .string(let s) = try self[key] else { throw mismatch(key, "string") }
        return s
    }

    func int(_ key: String) throws -> Int64 {
        guard case .int(let i) = try self[key] else { throw mismatch(key, "integer") }
        return i
    }

    func strings(_ key: String) throws -> [String] {
        guard case .array(let items) = try self[key] else { throw mismatch(key, "array") }
        return try items.map {
            guard case .string(let s) = $0 else { throw mismatch(key, "array of strings") }
            return s
        }
    }

    func parsed<T>(_ key: String, _ what: String, _ parse: (String) -> T?) throws -> T {
        let text = try string(key)
        guard let v = parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [AnyCodingKey(key)], debugDescription: "bad \(what) \(text)"))
        }
        return v
    }

    /// Absent or null: nil.
    func optionalParsed<T>(_ key: String, _ what: String, _ parse: (String) -> T?) throws -> T? {
        guard let v = object[key], v != .null else { return nil }
        return try parsed(key, what, parse)
    }
}

struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

