/// What a role sees of a file. Lists always mask ID numbers, phones and
/// addresses; the file view shows them whole only to roles granted
/// `viewPersonalDetails`. One place decides, screens and exports ask it.
public enum RosterPrivacy {
    public static func seesPersonalDetails(_ role: Role) -> Bool { role.can(.viewPersonalDetails) }

    /// What `role`'s roster search may match: a role that sees masked files must
    /// not find hidden digits by trying them one by one.
    public static func searchReach(_ role: Role) -> RosterSearch.Reach { seesPersonalDetails(role) ? .whole : .masked }

    /// The file as `role` may see it in the file view.
    public static func visible(_ c: Cadre, to role: Role) -> Cadre {
        seesPersonalDetails(role) ? c : masked(c)
    }

    /// The file with ID number, phones (own and family) and address masked, as lists show it.
    public static func masked(_ c: Cadre) -> Cadre {
        var m = c
        m.idNumber = c.idNumber.map(ResidentID.masked)
        m.phone = c.phone.map(PhoneNumber.masked)
        m.address = maskedAddress(c.address)
        m.family = c.family.map { f in
            var g = f
            g.phone = f.phone.map(PhoneNumber.masked)
            return g
        }
        return m
    }

    /// A history entry as lists show it: the before and after of ID number,
    /// phone, address and family (their phones) masked; other fields as they are.
    public static func masked(_ change: CadreChange) -> CadreChange {
        var m = change
        func mask(_ value: String?) -> String? {
            guard let value else { return nil }
            switch change.field {
            case "idNumber": return ResidentID.masked(value)
            case "phone": return PhoneNumber.masked(value)
            case "address": return maskedAddress(value)
            case "family": return maskedPhones(in: value)
            default: return value
            }
        }
        m.from = mask(change.from)
        m.to = mask(change.to)
        return m
    }

    /// Every run of 7 or more digits (with `-`) in free text masked as a phone.
    static func maskedPhones(in text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            out += run.filter(\.isNumber).count >= 7 ? PhoneNumber.masked(run) : run
            run = ""
        }
        for ch in text {
            if ch.isASCII, ch.isNumber || (ch == "-" && !run.isEmpty) { run.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    /// Keeps the first six characters (district, street) and hides the rest.
    public static func maskedAddress(_ a: String) -> String {
        a.count <= 6 ? a : String(a.prefix(6)) + "****"
    }
}
