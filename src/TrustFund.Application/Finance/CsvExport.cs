using System.Globalization;
using System.Text;

namespace TrustFund.Application.Finance;

/// <summary>A CSV file for the UN's ERP or a spreadsheet: UTF-8 with a byte-order mark (so Excel reads é right), comma-separated, invariant numbers.</summary>
public sealed record CsvExport(string FileName, byte[] Content)
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static CsvExport Build(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Field)).Append("\r\n");
        foreach (var row in rows) text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        return new CsvExport(fileName, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())]);
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // A text starting with = + - @ would run as a formula when the file is opened in a spreadsheet.
        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
