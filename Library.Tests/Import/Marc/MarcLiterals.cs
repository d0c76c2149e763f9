using System.Text;

namespace Library.Tests.Import.Marc;

/// <summary>
/// Records written by hand from the MARC 21 record structure description: leader (length, 'a' = UCS/Unicode at 09, base
/// address), the directory (tag, length, start: in BYTES, so each Hangul syllable counts 3), 0x1E after the directory and
/// each field, 0x1F before each subfield code, 0x1D at the end. Checked with yaz-marcdump (Debian's yaz).
/// </summary>
internal static class MarcLiterals
{
    private const string FT = "\u001E";
    private const string SF = "\u001F";
    private const string RT = "\u001D";

    /// <summary>채식주의자: 444 bytes, base address 133 = 24 + 9 entries × 12 + 1.</summary>
    public const string Vegetarian =
        "00444nam a2200133 i 4500" +
        "001001300000" + "008004100013" + "020003500054" + "100001200089" + "245006000101" +
        "264002900161" + "520007800190" + "952002100268" + "952002100289" + FT +
        "KMO201900001" + FT +                                                         // 12 + 1 = 13
        "190315s2007    ulk                 kor c" + FT +                             // 40 + 1 = 41
        "  " + SF + "a9788936433598" + SF + "g03810" + SF + "c₩12000" + FT +           // 2 + 15 + 7 + 10 (₩ is 3 bytes) + 1 = 35
        "1 " + SF + "a한강," + FT +                                                    // 2 + 2 + 7 + 1 = 12
        "10" + SF + "a채식주의자 :" + SF + "b한강 장편소설 /" + SF + "d한강 지음" + FT +   // 2 + 19 + 23 + 15 + 1 = 60
        " 1" + SF + "a파주 :" + SF + "b창비," + SF + "c2007." + FT +                    // 2 + 10 + 9 + 7 + 1 = 29
        "  " + SF + "a평범한 여자 영혜가 육식을 거부하며 벌어지는 이야기." + FT +         // 2 + 2 + 73 + 1 = 78
        "  " + SF + "a본관" + SF + "pKOR-0001" + FT +                                  // 2 + 8 + 10 + 1 = 21
        "  " + SF + "a본관" + SF + "pKOR-0002" + FT +
        RT;

    /// <summary>The Hobbit with "(pbk.)" after the ISBN, 260 instead of 264 and one 852 holding: 351 bytes, base 109.</summary>
    public const string Hobbit =
        "00351nam a2200109 i 4500" +
        "001001200000" + "008004100012" + "020003300053" + "100003200086" + "245006000118" + "260003700178" + "852002600215" + FT +
        "ocm00012345" + FT +                                                          // 12
        "190315s1999    ulk                 eng c" + FT +                             // 41
        "  " + SF + "a9780261103344 (pbk.)" + SF + "c£6.99" + FT +                     // 2 + 22 + 8 (£ is 2 bytes) + 1 = 33
        "1 " + SF + "aTolkien, J. R. R.," + SF + "eauthor." + FT +                     // 2 + 20 + 9 + 1 = 32
        "14" + SF + "aThe hobbit, or, There and back again /" + SF + "cJ.R.R. Tolkien." + FT + // 2 + 40 + 17 + 1 = 60
        "  " + SF + "aLondon :" + SF + "bHarperCollins," + SF + "cc1999." + FT +        // 2 + 10 + 16 + 8 + 1 = 37
        "0 " + SF + "aMain library" + SF + "h823.912" + FT +                           // 2 + 14 + 9 + 1 = 26
        RT;

    /// <summary>The same two records in MARCXML, written by hand (a collection with the slim namespace as default).</summary>
    public const string VegetarianAndHobbitXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">
          <marc:record>
            <marc:leader>00444nam a2200133 i 4500</marc:leader>
            <marc:controlfield tag="001">KMO201900001</marc:controlfield>
            <marc:controlfield tag="008">190315s2007    ulk                 kor c</marc:controlfield>
            <marc:datafield tag="020" ind1=" " ind2=" "><marc:subfield code="a">9788936433598</marc:subfield><marc:subfield code="g">03810</marc:subfield></marc:datafield>
            <marc:datafield tag="100" ind1="1" ind2=" "><marc:subfield code="a">한강,</marc:subfield></marc:datafield>
            <marc:datafield tag="245" ind1="1" ind2="0">
              <marc:subfield code="a">채식주의자 :</marc:subfield>
              <marc:subfield code="b">한강 장편소설 /</marc:subfield>
              <marc:subfield code="d">한강 지음</marc:subfield>
            </marc:datafield>
            <marc:datafield tag="264" ind1=" " ind2="1"><marc:subfield code="a">파주 :</marc:subfield><marc:subfield code="b">창비,</marc:subfield><marc:subfield code="c">2007.</marc:subfield></marc:datafield>
            <marc:datafield tag="520" ind1=" " ind2=" "><marc:subfield code="a">평범한 여자 영혜가 육식을 거부하며 벌어지는 이야기.</marc:subfield></marc:datafield>
            <marc:datafield tag="952" ind1=" " ind2=" "><marc:subfield code="a">본관</marc:subfield><marc:subfield code="p">KOR-0001</marc:subfield></marc:datafield>
            <marc:datafield tag="952" ind1=" " ind2=" "><marc:subfield code="a">본관</marc:subfield><marc:subfield code="p">KOR-0002</marc:subfield></marc:datafield>
          </marc:record>
          <marc:record>
            <marc:leader>00351nam a2200109 i 4500</marc:leader>
            <marc:controlfield tag="001">ocm00012345</marc:controlfield>
            <marc:controlfield tag="008">190315s1999    ulk                 eng c</marc:controlfield>
            <marc:datafield tag="020" ind1=" " ind2=" "><marc:subfield code="a">9780261103344 (pbk.)</marc:subfield><marc:subfield code="c">£6.99</marc:subfield></marc:datafield>
            <marc:datafield tag="100" ind1="1" ind2=" "><marc:subfield code="a">Tolkien, J. R. R.,</marc:subfield><marc:subfield code="e">author.</marc:subfield></marc:datafield>
            <marc:datafield tag="245" ind1="1" ind2="4"><marc:subfield code="a">The hobbit, or, There and back again /</marc:subfield><marc:subfield code="c">J.R.R. Tolkien.</marc:subfield></marc:datafield>
            <marc:datafield tag="260" ind1=" " ind2=" "><marc:subfield code="a">London :</marc:subfield><marc:subfield code="b">HarperCollins,</marc:subfield><marc:subfield code="c">c1999.</marc:subfield></marc:datafield>
            <marc:datafield tag="852" ind1="0" ind2=" "><marc:subfield code="a">Main library</marc:subfield><marc:subfield code="h">823.912</marc:subfield></marc:datafield>
          </marc:record>
        </marc:collection>
        """;

    public static byte[] Bytes(params string[] records) => Encoding.UTF8.GetBytes(string.Concat(records));
}
