import Testing
@testable import DeskCore

@Suite struct RosterSearchTests {
    /// A roster built by applying events directly (pure index tests).
    static func roster(_ people: [(String, String?, [FamilyMember])]) -> (StateBuilder, [ID<Cadre>]) {
        var b = StateBuilder()
        var ids: [ID<Cadre>] = []
        for (i, p) in people.enumerated() {
            let s = String(i + 1)
            var c = Cadre(id: ID("C" + String(repeating: "0", count: 5 - s.count) + s), name: p.0, gender: .male,
                          birthDate: LocalDate(1940, 1, 1), category: .tuixiu, rank: .general, workUnit: "")
            c.phone = p.1
            c.family = p.2
            c.idNumber = Fixture.residentID(born: c.birthDate, gender: .male, seq: 100 + 2 * i + 1)
            b.apply(CadreAdded(cadre: c))
            ids.append(c.id)
        }
        return (b, ids)
    }

    @Test func hanziFindsASubstringOfTheNameRankedExactPrefixOther() {
        let (b, ids) = Self.roster([("王建国", nil, []), ("张建国", nil, []), ("张三", nil, []), ("张建", nil, [])])
        let r = b.state.roster.find("张建")
        #expect(r.hits.map(\.id) == [ids[3], ids[1]])
        #expect(r.hits.map(\.rank) == [.exact, .prefix])
        #expect(b.state.roster.find("建国").hits.map(\.id) == [ids[0], ids[1]])
        #expect(b.state.roster.find("李").total == 0)
    }

    @Test func pinyinFullInitialsAndMixedAllFindZhangSan() {
        let (b, ids) = Self.roster([("张三", nil, []), ("赵四", nil, []), ("章山峰", nil, [])])
        let r = b.state.roster
        #expect(r.find("zhangsan").hits.map(\.id) == [ids[0]])
        #expect(r.find("zhangsan").hits.first?.rank == .exact)
        #expect(r.find("zs").hits.map(\.id) == ids, "赵四 is zs too")
        #expect(r.find("zs").hits.first?.rank == .initials)
        #expect(r.find("zhangs").hits.map(\.id) == [ids[0], ids[2]])
        #expect(r.find("zhangs").hits.first?.rank == .prefix)
        #expect(r.find("zsan").hits.map(\.id) == [ids[0]])
        #expect(r.find("ZhangSan").hits.map(\.id) == [ids[0]], "case and spaces do not matter")
        #expect(r.find("zhang san").hits.map(\.id) == [ids[0]])
        #expect(r.find("san").hits.map(\.id) == [ids[0]], "pinyin of a later character matches, ranked last")
        #expect(r.find("san").hits.first?.rank == .other)
        #expect(r.find("zsx").total == 0)
    }

    @Test func surnamesAreReadAsSurnames() {
        let (b, ids) = Self.roster([("单雄信", nil, []), ("曾国藩", nil, []), ("乐嘉", nil, []), ("解缙", nil, []),
                                    ("尉迟恭", nil, []), ("万俟卨", nil, []), ("仇英", nil, [])])
        let r = b.state.roster
        #expect(r.find("shanxiongxin").hits.map(\.id) == [ids[0]])
        #expect(r.find("sxx").hits.map(\.id) == [ids[0]])
        #expect(r.find("zengguofan").hits.map(\.id) == [ids[1]])
        #expect(r.find("zgf").hits.map(\.id) == [ids[1]])
        #expect(r.find("yuejia").hits.map(\.id) == [ids[2]])
        #expect(r.find("xiejin").hits.map(\.id) == [ids[3]])
        #expect(r.find("yuchigong").hits.map(\.id) == [ids[4]])
        #expect(r.find("ycg").hits.map(\.id) == [ids[4]])
        #expect(r.find("moqi").hits.map(\.id) == [ids[5]])
        #expect(r.find("qiuying").hits.map(\.id) == [ids[6]])
    }

    @Test func polyphonicGivenNameCharactersMatchEitherReading() {
        let (b, ids) = Self.roster([("李长林", nil, []), ("吕乐", nil, [])])
        let r = b.state.roster
        #expect(r.find("lichanglin").hits.map(\.id) == [ids[0]])
        #expect(r.find("lizhanglin").hits.map(\.id) == [ids[0]])
        #expect(r.find("lvle").hits.map(\.id) == [ids[1]], "ü typed as v")
        #expect(r.find("luyue").hits.map(\.id) == [ids[1]])
    }

    @Test func aPhoneFindsTheFileAndSaysWhoseNumberItIs() {
        let daughter = FamilyMember(relation: "女儿", name: "张丽", phone: "13912345678", emergency: true)
        let (b, ids) = Self.roster([("张建国", "0951-5012345", [daughter]), ("李明", "13800002345", [])])
        let r = b.state.roster
        let byDaughter = r.find("13912345678")
        #expect(byDaughter.hits.map(\.id) == [ids[0]])
        #expect(byDaughter.hits.first?.match == .phone("13912345678", .family(0)))
        #expect(byDaughter.hits.first?.rank == .exact)
        let last4 = r.find("2345")
        #expect(last4.hits.map(\.id) == [ids[0], ids[1]])
        #expect(last4.hits.first?.match == .phone("0951-5012345", .cadre))
        #expect(r.find("5012345").hits.map(\.id) == [ids[0]], "a landline without its area code")
        #expect(r.find("09515012345").hits.map(\.id) == [ids[0]], "caller ID with the area code")
        #expect(r.find("139123").hits.map(\.id) == [ids[0]], "typing the start of a number")
        #expect(r.find("13").total == 0, "two digits are too few to search")
    }

    @Test func aLongNumberFindsTheRightOneOfTwoPhonesSharingTheirStart() {
        let son = FamilyMember(relation: "儿子", name: "张强", phone: "13912345678")
        let (b, ids) = Self.roster([("张建国", "13912340000", [son])])
        let r = b.state.roster.find("13912345678")
        #expect(r.hits.map(\.id) == [ids[0]])
        #expect(r.hits.first?.match == .phone("13912345678", .family(0)))
        #expect(r.hits.first?.rank == .exact)
        #expect(b.state.roster.find("1391234").total == 1, "one file, however many of its phones match")
    }

    @Test func theTailOfTheIDNumberFindsTheFile() {
        let (b, ids) = Self.roster([("张建国", nil, []), ("李明", nil, [])])
        let id = b.state.roster[ids[1]]!.idNumber!
        let r = b.state.roster.find(String(id.suffix(6)))
        #expect(r.hits.map(\.id) == [ids[1]])
        #expect(r.hits.first?.match == .idNumber)
        #expect(b.state.roster.find("c2").hits.map(\.id) == [ids[1]], "a file number")
    }

    @Test func theIndexFollowsEditsAndDeathsRankLast() {
        var (b, ids) = Self.roster([("张三", nil, []), ("张山", nil, [])])
        b.apply(CadreDied(id: ids[0], on: LocalDate(2026, 1, 1)))
        #expect(b.state.roster.find("zs").hits.map(\.id) == [ids[1], ids[0]])
        var patch = CadreUpdated(id: ids[1])
        patch.name = "李山"
        patch.phone = "13700001111"
        b.apply(patch)
        #expect(b.state.roster.find("zs").hits.map(\.id) == [ids[0]])
        #expect(b.state.roster.find("ls").hits.map(\.id) == [ids[1]])
        #expect(b.state.roster.find("1111").hits.map(\.id) == [ids[1]])
        #expect(b.state.roster.find("张山").total == 0)
    }

    @Test func manyRenamesKeepTheIndexRight() {
        var (b, ids) = Self.roster([("张三", nil, []), ("李四", nil, []), ("王五", nil, [])])
        let given = ["建国", "秀英", "国华", "桂兰"]
        for n in 0..<9000 {  // enough renamed bytes to make the index drop the old ones
            var patch = CadreUpdated(id: ids[1])
            patch.name = "李" + given[n % 4]
            b.apply(patch)
        }
        #expect(b.state.roster[ids[1]]?.name == "李桂兰")
        #expect(b.state.roster.find("lgl").hits.map(\.id) == [ids[1]])
        #expect(b.state.roster.find("ligui").hits.map(\.id) == [ids[1]])
        #expect(b.state.roster.find("lxy").total == 0)
        #expect(b.state.roster.find("zs").hits.map(\.id) == [ids[0]])
        #expect(b.state.roster.find("wangwu").hits.map(\.id) == [ids[2]])
    }

    @Test func theLimitKeepsTheBestHitsAndCountsAll() {
        let (b, _) = Self.roster((0..<30).map { _ in ("张三", nil, []) })
        let r = b.state.roster.find("zs", limit: 10)
        #expect(r.hits.count == 10 && r.total == 30)
    }
}
