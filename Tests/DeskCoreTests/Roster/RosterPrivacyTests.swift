import Testing
@testable import DeskCore

@Suite struct RosterPrivacyTests {
    static func file() -> Cadre {
        var c = Cadre(id: "C00001", name: "张建国", gender: .female, birthDate: LocalDate(1949, 12, 31), category: .tuixiu,
                      rank: .general, workUnit: "县教育局")
        c.idNumber = "11010519491231002X"
        c.phone = "13812345678"
        c.address = "解放街12号3号楼2单元302室"
        c.family = [FamilyMember(relation: "女儿", name: "张丽", phone: "0951-5012345")]
        return c
    }

    @Test func listsMaskIDNumbersPhonesAndAddresses() {
        let m = RosterPrivacy.masked(Self.file())
        #expect(m.idNumber == "1101**********002X")
        #expect(m.phone == "138****5678")
        #expect(m.family[0].phone == "0951-***2345")
        #expect(m.address == "解放街12号****")
        #expect(m.name == "张建国")
    }

    @Test func onlyRolesWithPersonalDetailsSeeTheWholeFile() {
        let c = Self.file()
        #expect(RosterPrivacy.visible(c, to: .hotline) == c)
        #expect(RosterPrivacy.visible(c, to: .caseworker) == c)
        #expect(RosterPrivacy.visible(c, to: .supervisor) == c)
        #expect(RosterPrivacy.visible(c, to: .desk).idNumber == "1101**********002X")
    }
}
