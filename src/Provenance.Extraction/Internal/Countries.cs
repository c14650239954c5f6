namespace Provenance.Extraction.Internal;

/// <summary>
/// Country names, capitals and adjectives of nationality with their ISO 3166-1 alpha-2 codes, to read a country or
/// capital as its government where it is the speaker ("Baku claimed", "Russia said", "the Azerbaijani side declares").
/// </summary>
internal static class Countries
{
    // code|names and capitals|adjectives
    private static readonly string[] Table =
    [
        "AF|Afghanistan,Kabul|Afghan", "AL|Albania,Tirana|Albanian", "DZ|Algeria,Algiers|Algerian", "AM|Armenia,Yerevan|Armenian",
        "AR|Argentina,Buenos Aires|Argentine,Argentinian", "AU|Australia,Canberra|Australian", "AT|Austria,Vienna|Austrian",
        "AZ|Azerbaijan,Baku|Azerbaijani,Azeri", "BH|Bahrain,Manama|Bahraini", "BD|Bangladesh,Dhaka|Bangladeshi",
        "BY|Belarus,Minsk|Belarusian", "BE|Belgium,Brussels|Belgian", "BR|Brazil,Brasilia|Brazilian", "BG|Bulgaria,Sofia|Bulgarian",
        "CA|Canada,Ottawa|Canadian", "CL|Chile,Santiago|Chilean", "CN|China,Beijing|Chinese", "CO|Colombia,Bogota|Colombian",
        "HR|Croatia,Zagreb|Croatian", "CU|Cuba,Havana|Cuban", "CY|Cyprus,Nicosia|Cypriot", "CZ|Czech Republic,Czechia,Prague|Czech",
        "DK|Denmark,Copenhagen|Danish", "EG|Egypt,Cairo|Egyptian", "EE|Estonia,Tallinn|Estonian", "ET|Ethiopia,Addis Ababa|Ethiopian",
        "FI|Finland,Helsinki|Finnish", "FR|France,Paris|French", "GE|Georgia,Tbilisi|Georgian", "DE|Germany,Berlin|German",
        "GR|Greece,Athens|Greek", "HU|Hungary,Budapest|Hungarian", "IN|India,New Delhi|Indian", "ID|Indonesia,Jakarta|Indonesian",
        "IR|Iran,Tehran|Iranian", "IQ|Iraq,Baghdad|Iraqi", "IE|Ireland,Dublin|Irish", "IL|Israel,Jerusalem|Israeli",
        "IT|Italy,Rome|Italian", "JP|Japan,Tokyo|Japanese", "JO|Jordan,Amman|Jordanian", "KZ|Kazakhstan,Astana,Nur-Sultan|Kazakh",
        "KE|Kenya,Nairobi|Kenyan", "KP|North Korea,Pyongyang|North Korean", "KR|South Korea,Seoul|South Korean",
        "KW|Kuwait|Kuwaiti", "KG|Kyrgyzstan,Bishkek|Kyrgyz", "LV|Latvia,Riga|Latvian", "LB|Lebanon,Beirut|Lebanese",
        "LY|Libya,Tripoli|Libyan", "LT|Lithuania,Vilnius|Lithuanian", "MX|Mexico,Mexico City|Mexican", "MD|Moldova,Chisinau|Moldovan",
        "MA|Morocco,Rabat|Moroccan", "NL|Netherlands,Amsterdam,The Hague|Dutch", "NZ|New Zealand,Wellington|New Zealand",
        "NG|Nigeria,Abuja|Nigerian", "NO|Norway,Oslo|Norwegian", "PK|Pakistan,Islamabad|Pakistani", "PS|Palestine,Ramallah|Palestinian",
        "PH|Philippines,Manila|Filipino,Philippine", "PL|Poland,Warsaw|Polish", "PT|Portugal,Lisbon|Portuguese", "QA|Qatar,Doha|Qatari",
        "RO|Romania,Bucharest|Romanian", "RU|Russia,Russian Federation,Moscow,Kremlin|Russian", "SA|Saudi Arabia,Riyadh|Saudi",
        "RS|Serbia,Belgrade|Serbian", "SK|Slovakia,Bratislava|Slovak", "SI|Slovenia,Ljubljana|Slovenian", "ZA|South Africa,Pretoria|South African",
        "ES|Spain,Madrid|Spanish", "SE|Sweden,Stockholm|Swedish", "CH|Switzerland,Bern|Swiss", "SY|Syria,Damascus|Syrian",
        "TW|Taiwan,Taipei|Taiwanese", "TJ|Tajikistan,Dushanbe|Tajik", "TH|Thailand,Bangkok|Thai", "TR|Turkey,Turkiye,Ankara|Turkish",
        "TM|Turkmenistan,Ashgabat|Turkmen", "UA|Ukraine,Kyiv,Kiev|Ukrainian", "AE|United Arab Emirates,UAE,Abu Dhabi|Emirati",
        "GB|United Kingdom,UK,Britain,Great Britain,London|British", "US|United States,USA,US,America,Washington|American",
        "UZ|Uzbekistan,Tashkent|Uzbek", "VE|Venezuela,Caracas|Venezuelan", "VN|Vietnam,Hanoi|Vietnamese", "YE|Yemen,Sanaa|Yemeni",
    ];

    private static readonly Dictionary<string, string> Places = Build(1);
    private static readonly Dictionary<string, string> Adjectives = Build(2);

    private static Dictionary<string, string> Build(int column)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Table)
        {
            var parts = row.Split('|');
            foreach (var name in parts[column].Split(','))
            {
                map[name] = parts[0];
            }
        }

        return map;
    }

    /// <summary>Whether <paramref name="word"/> is a country, capital or adjective of nationality ("Armenian", "Baku").</summary>
    public static bool IsPlaceOrAdjective(string word) => Places.ContainsKey(word) || Adjectives.ContainsKey(word);

    /// <summary>Whether <paramref name="word"/> is a country or capital ("Armenia", "Baku").</summary>
    public static bool IsPlace(string word) => Places.ContainsKey(word);

    /// <summary>
    /// The country code when <paramref name="phrase"/> is nothing but a country or capital ("Azerbaijan", "Baku", "the
    /// Kremlin"), or an adjective of nationality with "side", "government" or "authorities" ("the Azerbaijani side");
    /// "" when it names two or more places ("Moscow and Tehran"); null when it is something else.
    /// </summary>
    public static string? Speaker(string phrase)
    {
        var t = phrase.Trim().Trim(',', ':', ';', '.', '"', '“', '”').Trim();
        if (t.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            t = t[4..].TrimStart();
        }

        if (t.EndsWith("'s", StringComparison.Ordinal) || t.EndsWith("’s", StringComparison.Ordinal))
        {
            return null;
        }

        if (Places.TryGetValue(t, out var code))
        {
            return code;
        }

        foreach (var tail in (ReadOnlySpan<string>)[" side", " government", " authorities", " leadership"])
        {
            if (t.EndsWith(tail, StringComparison.OrdinalIgnoreCase))
            {
                var head = t[..^tail.Length].Trim();
                if (Adjectives.TryGetValue(head, out code) || Places.TryGetValue(head, out code))
                {
                    return code;
                }
            }
        }

        // "Moscow and Tehran (both)": places, not one speaker
        var words = t.Replace(" both", "", StringComparison.OrdinalIgnoreCase).Split([" and ", ", "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length >= 2 && words.All(w => Places.ContainsKey(w)) ? "" : null;
    }
}
