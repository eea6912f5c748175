using System.Globalization;
using TrustFund.Application.Reports;
using TrustFund.Domain.Finance;
using TrustFund.Infrastructure.Pdf;

namespace TrustFund.Infrastructure.Reports.Shared;

/// <summary>
/// The language a document is issued in: its fixed texts from the catalogue (T, F), and every date, amount, count and
/// share written the way that language writes them, whatever the server's culture.
/// </summary>
public sealed class DocumentLanguage
{
    private readonly IDocumentText _text;

    public DocumentLanguage(IDocumentText text, string code)
    {
        _text = text;
        Code = DocumentLanguages.Normalise(code);
        Culture = DocumentLanguages.Culture(Code);
        LongDateFormat = DocumentLanguages.LongDateFormat(Code);
    }

    /// <summary>en, fr or es; any other asks for English.</summary>
    public string Code { get; }

    public CultureInfo Culture { get; }

    private string LongDateFormat { get; }

    /// <summary>A fixed text in this language (its key is the English text).</summary>
    public string T(string english) => _text.Translate(Code, english);

    /// <summary>A fixed text with values put in, numbers in this language's way.</summary>
    public string F(string english, params object[] values) => string.Format(Culture, T(english), values);

    /// <summary>A count put before its noun, in the singular or plural text as this language wants ("1 grant", "0 subvention"); the count is {0}.</summary>
    public string Plural(int count, string one, string other, params object[] more) =>
        F(DocumentLanguages.CountedText(Code, count, one, other), [Count(count), .. more]);

    /// <summary>What every document says about itself: its title and date, in this language, for the PDF and the footer.</summary>
    public DocumentInfo Info(string title, string subject, DateTimeOffset issuedAt) => new(title, subject, Code, issuedAt)
    {
        PageNumberFormat = T("Page {0} of {1}"),
        Culture = Culture,
        DateFormat = LongDateFormat,
        Wordmark = $"{Organisation} · {FundName}",
        Author = $"{Organisation} — {FundName}",
    };

    public string Organisation => T("UNODC");

    public string FundName => T("UN Voluntary Trust Fund for Victims of Trafficking in Persons");

    public string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    /// <summary>"15 January 2027, 10:30 UTC".</summary>
    public string Instant(DateTimeOffset at) => at.UtcDateTime.ToString(LongDateFormat + ", HH:mm 'UTC'", Culture);

    public string Count(int n) => n.ToString("N0", Culture);

    public string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Money to the cent, in US dollars unless said otherwise.</summary>
    public string Amount(decimal amount) => amount.ToString("N2", Culture);

    /// <summary>An amount with its code, as Money writes it in this language ("USD 1,000.00", "1 000,00 USD").</summary>
    public string Amount(decimal amount, string currency) => new Money(amount, currency).ToString("N2", Culture);

    public string Usd(decimal amount) => Amount(amount, Money.Usd);

    /// <summary>A limit in whole dollars ("USD 20,000", "20 000 USD").</summary>
    public string WholeUsd(decimal amount) => Money.InUsd(amount).ToString("N0", Culture);

    /// <summary>Grant limits are nearly always whole dollars: cents only when there are some, so the column stays narrow yet exact.</summary>
    public string Compact(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", Culture);

    /// <summary>UNORE rates are published to four decimals at most; trailing zeros dropped (1 for USD).</summary>
    public string Rate(decimal unitsPerUsd) => unitsPerUsd.ToString("0.######", Culture);

    /// <summary>"75.0%" in English, "75,0 %" in French and Spanish; empty when there is nothing to share.</summary>
    public string Share(decimal part, decimal total) => total == 0 ? "" : (part / total).ToString("P1", Culture);

    /// <summary>The share of a whole, for total rows.</summary>
    public string Whole(decimal total) => Share(total, total);

    /// <summary>Items set off by semicolons: French puts a no-break space before each (so no line starts with one), English and Spanish none.</summary>
    public string Semicolons(IEnumerable<string> items) => string.Join(Code == "fr" ? "\u00A0; " : "; ", items);

    public string Percent(decimal rate) => (rate * 100).ToString("0.##", Culture) + (Code == "en" ? "%" : "\u00A0%");
}
