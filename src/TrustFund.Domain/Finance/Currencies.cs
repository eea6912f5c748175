namespace TrustFund.Domain.Finance;

/// <summary>
/// ISO 4217 currency codes in use. A fixed list rather than .NET's culture data: that data depends on the ICU
/// version of the machine and omits currencies no culture uses as its own (XOF is there, XDR is not).
/// </summary>
public static class Currencies
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(
        """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF
        CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG
        HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA
        MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD
        RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
        USD UYU UZS VES VND VUV WST XAF XCD XDR XOF XPF YER ZAR ZMW ZWG
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Known.Contains(code.Trim().ToUpperInvariant());

    public static string Normalise(string? code) =>
        IsKnown(code) ? code!.Trim().ToUpperInvariant() : throw new Common.DomainException("Enter a currency as its ISO 4217 code, e.g. EUR.");
}
