using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TrustFund.Application.Reports;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Messaging;

/// <summary>
/// What a notification says, as catalogue keys (the English texts, {0}... filled from the arguments). A notification
/// stores these keys and its arguments, not a sentence, so it is written in whatever language its reader has when they
/// read it (someone who switches to French sees last month's notices in French too).
/// </summary>
public sealed record NoticeText(string Subject, string Body);

/// <summary>
/// An argument that is itself a catalogue text, translated for the reader ("interim narrative report"). A count with its
/// noun is a <see cref="Counted"/>, and an amount a <see cref="Money"/>, written as the reader's language writes it.
/// </summary>
public sealed record CatalogueWord(string English);

/// <summary>An argument made of lines, each <paramref name="Format"/> (a catalogue key) filled from one row; no rows, no text.</summary>
public sealed record NoticeLines(string Format, IReadOnlyList<object[]> Rows);

/// <summary>
/// Stores a notice's arguments (as JSON, each with its kind, so a date is still a date when it is formatted years later)
/// and renders a notice in a language: texts from the catalogue, dates and numbers as that language writes them (British
/// English, never the server's culture or US dates), names given in three languages in the reader's.
/// </summary>
public static class NoticeArguments
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>One stored argument: exactly one of its members is set.</summary>
    private sealed record Stored(string? Text = null, decimal? Number = null, DateOnly? Date = null, string? Word = null,
        LocalizedText? Name = null, string? LinesFormat = null, List<List<Stored>>? Rows = null, StoredCount? Counted = null,
        StoredMoney? Money = null);

    private sealed record StoredCount(long Count, string One, string Other);

    private sealed record StoredMoney(decimal Amount, string Currency);

    public static string Serialise(IEnumerable<object> arguments) => JsonSerializer.Serialize(arguments.Select(Store).ToList(), Json);

    public static (string Subject, string Body) Render(IDocumentText text, string language, NoticeText notice, string arguments)
    {
        language = DocumentLanguages.Normalise(language);
        var values = (JsonSerializer.Deserialize<List<Stored>>(arguments, Json) ?? []).Select(a => Value(text, language, a)).ToArray();
        var culture = DocumentLanguages.Culture(language);
        // Trimmed at the end: a body may end with an argument that is empty for some readers (a digest's "and N more"
        // line when nothing more is left out), which would leave an empty last line.
        return (string.Format(culture, text.Translate(language, notice.Subject), values),
            string.Format(culture, text.Translate(language, notice.Body), values).TrimEnd());
    }

    private static Stored Store(object argument) => argument switch
    {
        string s => new(Text: s),
        LocalizedText name => new(Name: name),
        CatalogueWord word => new(Word: word.English),
        DateOnly date => new(Date: date),
        DateTime date => new(Date: DateOnly.FromDateTime(date)),
        int or long or decimal => new(Number: Convert.ToDecimal(argument, CultureInfo.InvariantCulture)),
        Counted counted => new(Counted: new(counted.Count, counted.One, counted.Other)),
        Money money => new(Money: new(money.Amount, money.Currency)),
        NoticeLines lines => new(LinesFormat: lines.Format, Rows: lines.Rows.Select(r => r.Select(Store).ToList()).ToList()),
        _ => throw new ArgumentException($"A notice cannot store a {argument.GetType().Name}: give it as text, number, date or name."),
    };

    private static object Value(IDocumentText text, string language, Stored stored)
    {
        if (stored.Text is not null) return stored.Text;
        if (stored.Number is not null) return stored.Number.Value;
        if (stored.Date is not null) return stored.Date.Value;
        if (stored.Word is not null) return text.Translate(language, stored.Word);
        if (stored.Name is not null) return stored.Name.For(language);
        if (stored.Money is { } money) return new Money(money.Amount, money.Currency);
        if (stored.Counted is { } counted)
            return string.Format(DocumentLanguages.Culture(language),
                text.Translate(language, DocumentLanguages.CountedText(language, counted.Count, counted.One, counted.Other)), counted.Count);
        if (stored.LinesFormat is null) return "";
        var format = text.Translate(language, stored.LinesFormat);
        var culture = DocumentLanguages.Culture(language);
        return string.Join("\n", (stored.Rows ?? []).Select(row =>
            string.Format(culture, format, row.Select(v => Value(text, language, v)).ToArray())));
    }
}
