namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// What a document is and when it was issued. <see cref="IssuedAt"/> is the only date the
/// engine ever writes (PDF CreationDate/ModDate, XMP dates, footer), so the same data always
/// yields the same bytes — the system clock is never read.
/// </summary>
/// <param name="Title">Report title: PDF /Title, XMP dc:title and the page footer.</param>
/// <param name="Subject">PDF /Subject.</param>
/// <param name="Language">BCP 47 tag written as the catalog's /Lang (e.g. "en", "fr", "ar").</param>
/// <param name="IssuedAt">Issue date of the report; also the PDF creation and modification date.</param>
public sealed record DocumentInfo(string Title, string Subject, string Language, DateTimeOffset IssuedAt)
{
    /// <summary>The PDF /Author written on every TrustFund document.</summary>
    public const string DefaultAuthor = "UNODC — UN Voluntary Trust Fund for Victims of Trafficking in Persons";

    /// <summary>PDF /Author; defaults to the Fund's name.</summary>
    public string Author { get; init; } = DefaultAuthor;

    /// <summary>The line above every page's header rule: the organisation and the Fund, in the document's language.</summary>
    public string Wordmark { get; init; } = DocumentTheme.Wordmark;

    /// <summary>The footer's page number, {0} of {1}: in the document's language.</summary>
    public string PageNumberFormat { get; init; } = "Page {0} of {1}";

    /// <summary>How the footer writes the issue date, in <see cref="Culture"/> ("15 January 2027"; "15 de enero de 2027" in Spanish).</summary>
    public string DateFormat { get; init; } = "d MMMM yyyy";

    /// <summary>How the footer writes the issue date (month names).</summary>
    public System.Globalization.CultureInfo Culture { get; init; } = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>
    /// The footer's title, before the date; the title by default. A title that already holds the date (minutes named by
    /// their session's day) gives a shorter one, so the footer does not print the date twice.
    /// </summary>
    public string? FooterTitle { get; init; }

    /// <summary>PDF /Creator.</summary>
    public string Creator { get; init; } = "TrustFund";
}
