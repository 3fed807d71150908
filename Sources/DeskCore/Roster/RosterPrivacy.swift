/// What a role sees of a file. Lists always mask ID numbers, phones and
/// addresses; the file view shows them whole only to roles granted
/// `viewPersonalDetails`. One place decides, screens and exports ask it.
public enum RosterPrivacy {
    public static func seesPersonalDetails(_ role: Role) -> Bool { role.can(.viewPersonalDetails) }

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

    /// Keeps the first six characters (district, street) and hides the rest.
    public static func maskedAddress(_ a: String) -> String {
        a.count <= 6 ? a : String(a.prefix(6)) + "****"
    }
}
