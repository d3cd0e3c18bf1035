/// What may stand around a number and what it makes of it: currencies, scales and units.
/// Units come back as the short lower-case word a model's `unit:` uses.
enum FigureUnits {
    enum Kind: Sendable { case percent, currency, unit }

    static let currencySymbols: [String: String] = [
        "€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₺": "TRY", "₩": "KRW", "₴": "UAH",
    ]

    /// Letters written against a dollar sign: "US$", "A$", "HK$".
    static let dollarPrefixes: [String: String] = [
        "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD", "NZ": "NZD", "S": "SGD", "R": "BRL",
    ]

    /// ISO codes written before or after an amount: "USD 5 million", "5bn EUR".
    static let currencyCodes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CHF", "RUB", "CNY", "INR", "AUD", "CAD", "HKD", "NZD", "SGD", "SEK", "NOK", "DKK",
        "PLN", "CZK", "HUF", "RON", "RSD", "TRY", "UAH", "BRL", "MXN", "ZAR", "KRW", "SAR", "AED",
    ]

    /// Scales that may be written against the number: "4.2m", "2.4bn", "10k".
    static let attachedScales: [String: Double] = [
        "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
        "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    ]

    /// Capital or one-letter scales, taken only after a currency ("$10K", "$4b"), where
    /// they cannot be a model name or a unit.
    static let moneyScales: [String: Double] = [
        "K": 1e3, "M": 1e6, "MN": 1e6, "Mn": 1e6, "b": 1e9, "B": 1e9, "BN": 1e9, "Bn": 1e9, "TN": 1e12, "Tn": 1e12,
    ]

    /// Scales written as a separate word, matched lower-cased: "2 trillion", "two hundred".
    static let spacedScales: [String: Double] = [
        "hundred": 100, "dozen": 12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
        "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12,
    ]

    /// After an "m" written against a number these make it metres, not millions: "100m-high".
    static let dimensions: Set<String> = ["long", "high", "tall", "deep", "wide", "thick"]

    /// Lower-case phrases after a number, each with the unit it gives.
    static let phrases: [String: (unit: String, kind: Kind)] = {
        var table: [String: (unit: String, kind: Kind)] = [:]
        for (phrase, unit) in percentPhrases { table[phrase] = (unit, .percent) }
        for (phrase, code) in currencyPhrases { table[phrase] = (code, .currency) }
        for (phrase, unit) in unitPhrases { table[phrase] = (unit, .unit) }
        return table
    }()

    /// Units whose case matters, or which are too short to take in lower case:
    /// "100 MW", "1.5C".
    static let caseSensitiveUnits: [String: String] = [
        "MW": "MW", "GW": "GW", "kW": "kW", "TW": "TW", "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "kWh": "kWh",
    ]

    /// Units taken only written against the number: "1.5C", "100m-high", "25bp", "45p".
    static let attachedUnits: [String: String] = [
        "C": "°C", "F": "°F", "m": "m", "t": "tonnes", "Mt": "Mt", "bp": "basis points", "p": "pence",
    ]

    private static let percentPhrases: [String: String] = [
        "percent": "percent", "per cent": "percent", "pct": "percent",
        "percentage point": "percentage points", "percentage points": "percentage points",
        "basis point": "basis points", "basis points": "basis points", "bps": "basis points",
    ]

    private static let currencyPhrases: [String: String] = [
        "euro": "EUR", "euros": "EUR",
        "dollars": "USD", "us dollars": "USD", "american dollars": "USD", "canadian dollars": "CAD",
        "australian dollars": "AUD", "hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
        "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "british pounds": "GBP",
        "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rubles": "RUB", "roubles": "RUB", "rupees": "INR",
        "swiss francs": "CHF", "francs": "CHF", "serbian dinars": "RSD", "dinars": "RSD", "lira": "TRY", "liras": "TRY",
        "turkish lira": "TRY", "hryvnias": "UAH", "hryvnia": "UAH", "zlotys": "PLN", "zloty": "PLN", "forints": "HUF",
        "kronor": "SEK", "swedish kronor": "SEK", "krona": "SEK", "rand": "ZAR",
        // Norway's and Denmark's are both kroner, and several countries' pesos: without the
        // country the unit is the word, not a guessed code.
        "kroner": "kroner", "krone": "kroner", "norwegian kroner": "NOK", "danish kroner": "DKK",
        "pesos": "pesos", "mexican pesos": "MXN", "argentine pesos": "ARS", "philippine pesos": "PHP",
        "reais": "BRL", "ringgit": "MYR", "baht": "THB", "shekels": "ILS", "dirhams": "AED", "riyals": "SAR",
        "naira": "NGN", "rupiah": "IDR", "koruna": "CZK", "korunas": "CZK",
    ]

    private static let unitPhrases: [String: String] = [
        "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
        "mile": "miles", "miles": "miles", "nautical mile": "nautical miles", "nautical miles": "nautical miles",
        "metre": "metres", "metres": "metres", "meter": "meters", "meters": "meters",
        "ft": "ft", "foot": "ft", "feet": "ft", "inch": "inches", "inches": "inches", "yard": "yards", "yards": "yards",
        "cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm", "millimeters": "mm",
        "square kilometre": "sq km", "square kilometres": "sq km", "square kilometer": "sq km", "square kilometers": "sq km",
        "sq km": "sq km", "square mile": "sq miles", "square miles": "sq miles", "sq miles": "sq miles",
        "square metres": "square metres", "square meters": "square meters",
        "hectare": "hectares", "hectares": "hectares", "acre": "acres", "acres": "acres",
        "cubic metre": "cubic metres", "cubic metres": "cubic metres", "cubic meter": "cubic meters", "cubic meters": "cubic meters",
        "cubic feet": "cubic feet", "cubic kilometres": "cubic km", "cubic kilometers": "cubic km",
        "bcm": "bcm", "tcm": "tcm", "mcm": "mcm", "bcf": "bcf", "tcf": "tcf",
        "barrel": "barrels", "barrels": "barrels", "bbl": "barrels", "bpd": "barrels per day",
        "barrels per day": "barrels per day", "barrels a day": "barrels per day",
        "litre": "litres", "litres": "litres", "liter": "liters", "liters": "liters", "gallon": "gallons", "gallons": "gallons",
        "tonne": "tonnes", "tonnes": "tonnes", "metric tons": "tonnes", "ton": "tons", "tons": "tons",
        "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilogrammes": "kg", "gram": "grams", "grams": "grams",
        "lb": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz", "oz": "oz",
        "megawatt": "MW", "megawatts": "MW", "gigawatt": "GW", "gigawatts": "GW", "kilowatt": "kW", "kilowatts": "kW",
        "mph": "mph", "knots": "knots",
        "degree": "degrees", "degrees": "degrees", "degrees celsius": "°C", "degrees fahrenheit": "°F",
        "year": "years", "years": "years", "month": "months", "months": "months", "week": "weeks", "weeks": "weeks",
        "day": "days", "days": "days", "hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
        "seconds": "seconds", "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
    ]
}
