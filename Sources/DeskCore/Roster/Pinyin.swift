import Foundation

/// Pinyin readings of Chinese characters for search: lowercase ASCII, tones
/// dropped, `ü` as `u` (and `v`, as typed on pinyin keyboards).
///
/// ICU (through Foundation's `mandarinToLatin`) gives one reading per
/// character; it is cached per character. Two tables fix what ICU gets wrong
/// for names: surname readings (单 Shàn, 曾 Zēng, …) and the other readings of
/// polyphonic characters common in given names, so that either reading finds
/// the person.
public enum Pinyin {
    /// Readings of `c` outside surname position; the first is ICU's.
    public static func readings(of c: Character) -> [String] {
        if let hit = cache.get(c) { return hit }
        var out = icu(c)
        for alt in polyphones[c] ?? [] where !out.contains(alt) { out.append(alt) }
        cache.set(c, out)
        return out
    }

    /// Readings per character of a person's name, the surname read as a
    /// surname (compound surnames such as 尉迟 and 万俟 included). The 「·」 of
    /// minority names has no reading (an empty list).
    public static func nameReadings(_ name: String) -> [[String]] {
        let chars = Array(name)
        var out: [[String]] = []
        out.reserveCapacity(chars.count)
        var i = 0
        if chars.count >= 3, let compound = compoundSurnames[String(chars[0..<2])] {
            out.append(contentsOf: compound.map { [$0] })
            i = 2
        } else if chars.count >= 2, let s = surnames[chars[0]] {
            var r = s
            for alt in readings(of: chars[0]) where !r.contains(alt) { r.append(alt) }
            out.append(r)
            i = 1
        }
        while i < chars.count {
            out.append(chars[i] == "·" ? [] : readings(of: chars[i]))
            i += 1
        }
        return out
    }

    /// The name in pinyin, first readings joined (`zhangsan`), for sorting and display.
    public static func full(_ name: String) -> String {
        nameReadings(name).compactMap(\.first).joined()
    }

    static func icu(_ c: Character) -> [String] {
        guard PersonName.isHan(c) else {
            let s = String(c).lowercased()
            return s.allSatisfy({ $0.isASCII && $0.isLetter }) ? [s] : []
        }
        guard let latin = String(c).applyingTransform(.mandarinToLatin, reverse: false) else { return [] }
        let plain = (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).lowercased()
            .filter { $0.isASCII && $0.isLetter }
        if plain.isEmpty { return [] }
        var out = [plain]
        if latin.contains("ü") || latin.contains("ǖ") || latin.contains("ǘ") || latin.contains("ǚ") || latin.contains("ǜ") {
            out.append(plain.replacingOccurrences(of: "u", with: "v"))
        }
        return out
    }

    private final class Cache: @unchecked Sendable {
        private var table: [Character: [String]] = [:]
        private let lock = NSLock()
        func get(_ c: Character) -> [String]? { lock.lock(); defer { lock.unlock() }; return table[c] }
        func set(_ c: Character, _ v: [String]) { lock.lock(); table[c] = v; lock.unlock() }
        func clear() { lock.lock(); table = [:]; lock.unlock() }
    }
    private static let cache = Cache()

    /// Forgets every cached reading (benchmarks measure a cold start).
    static func clearCache() {
        cache.clear()
        PinyinBlock.clearCache()
    }

    /// Single-character surnames read differently in surname position; the
    /// correct surname reading comes first.
    static let surnames: [Character: [String]] = [
        "单": ["shan"], "曾": ["zeng"], "乐": ["yue", "le"], "解": ["xie"], "仇": ["qiu"], "朴": ["piao"],
        "查": ["zha"], "区": ["ou"], "盖": ["ge", "gai"], "缪": ["miao"], "覃": ["qin", "tan"], "翟": ["zhai", "di"],
        "召": ["shao"], "黑": ["he"], "繁": ["po"], "秘": ["bi"], "种": ["chong"], "员": ["yun"], "宓": ["mi", "fu"],
        "褚": ["chu"], "隗": ["wei"], "句": ["gou"], "折": ["she"], "尉": ["wei", "yu"], "谌": ["shen", "chen"],
        "厍": ["she"], "牟": ["mou", "mu"], "蕃": ["pi"], "眭": ["sui"], "莘": ["shen", "xin"], "郇": ["xun", "huan"],
        "藏": ["zang"], "纪": ["ji"], "过": ["guo"], "能": ["nai"], "柏": ["bai"], "薄": ["bo"], "燕": ["yan"],
        "沈": ["shen"], "石": ["shi"], "万": ["wan"], "长": ["chang"], "重": ["chong"], "華": ["hua"], "华": ["hua"],
        "冼": ["xian"], "阚": ["kan"], "那": ["na"], "曲": ["qu"], "贲": ["ben"], "乜": ["nie"], "相": ["xiang"],
        "应": ["ying"], "任": ["ren"],
    ]

    /// Compound surnames, read as a whole.
    static let compoundSurnames: [String: [String]] = [
        "尉迟": ["yu", "chi"], "万俟": ["mo", "qi"], "长孙": ["zhang", "sun"], "单于": ["chan", "yu"],
        "澹台": ["tan", "tai"], "令狐": ["ling", "hu"], "上官": ["shang", "guan"], "欧阳": ["ou", "yang"],
        "诸葛": ["zhu", "ge"], "夏侯": ["xia", "hou"], "皇甫": ["huang", "fu"], "司马": ["si", "ma"],
        "公孙": ["gong", "sun"], "宇文": ["yu", "wen"], "东方": ["dong", "fang"], "慕容": ["mu", "rong"],
        "独孤": ["du", "gu"], "呼延": ["hu", "yan"], "端木": ["duan", "mu"], "南宫": ["nan", "gong"],
        "闻人": ["wen", "ren"], "司徒": ["si", "tu"], "司空": ["si", "kong"], "轩辕": ["xuan", "yuan"],
    ]

    /// Other readings of polyphonic characters common in given names.
    static let polyphones: [Character: [String]] = [
        "长": ["chang", "zhang"], "行": ["xing", "hang"], "重": ["zhong", "chong"], "乐": ["le", "yue"],
        "朝": ["chao", "zhao"], "传": ["chuan", "zhuan"], "调": ["diao", "tiao"], "都": ["du", "dou"],
        "会": ["hui", "kuai"], "藏": ["cang", "zang"], "降": ["jiang", "xiang"], "茜": ["qian", "xi"],
        "莘": ["shen", "xin"], "单": ["dan", "shan"], "曾": ["ceng", "zeng"], "省": ["sheng", "xing"],
        "参": ["can", "shen"], "翟": ["zhai", "di"], "员": ["yuan", "yun"], "石": ["shi", "dan"],
        "柏": ["bai", "bo"], "薄": ["bo", "bao"], "和": ["he", "huo"], "强": ["qiang", "jiang"],
        "还": ["huan", "hai"], "伯": ["bo", "bai"], "蔚": ["wei", "yu"], "尉": ["wei", "yu"], "宿": ["su", "xiu"],
        "觉": ["jue", "jiao"], "秘": ["mi", "bi"], "解": ["jie", "xie"], "查": ["cha", "zha"], "仇": ["chou", "qiu"],
        "朴": ["pu", "piao"], "区": ["qu", "ou"], "盖": ["gai", "ge"], "缪": ["miao", "mou", "miu"],
        "覃": ["tan", "qin"], "泊": ["bo", "po"], "奇": ["qi", "ji"], "晟": ["sheng", "cheng"],
        "纤": ["xian", "qian"], "殷": ["yin", "yan"], "栎": ["li", "yue"], "蕃": ["fan", "bo"], "万": ["wan", "mo"],
        "俟": ["si", "qi"], "露": ["lu", "lou"], "识": ["shi", "zhi"], "沈": ["shen", "chen"], "厦": ["sha", "xia"],
        "期": ["qi", "ji"], "弹": ["dan", "tan"], "种": ["zhong", "chong"], "红": ["hong", "gong"],
        "曲": ["qu"], "囡": ["nan"], "阿": ["a", "e"], "思": ["si", "sai"], "祭": ["ji", "zhai"], "否": ["fou", "pi"],
        "率": ["shuai", "lv"], "给": ["gei", "ji"], "系": ["xi", "ji"], "钥": ["yao", "yue"], "荷": ["he"],
        "差": ["cha", "chai"], "兴": ["xing"], "好": ["hao"], "相": ["xiang"], "正": ["zheng"], "少": ["shao"],
        "华": ["hua"], "燕": ["yan"], "宁": ["ning"], "冲": ["chong"], "折": ["zhe", "she"], "句": ["ju", "gou"],
        "能": ["neng", "nai"], "牟": ["mou", "mu"], "谌": ["chen", "shen"], "召": ["zhao", "shao"], "繁": ["fan", "po"],
    ]
}
