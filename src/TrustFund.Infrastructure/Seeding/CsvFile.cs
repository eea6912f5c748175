using System.Text;

namespace TrustFund.Infrastructure.Seeding;

/// <summary>Reads a small RFC 4180 CSV file with a header row into dictionaries keyed by column name.</summary>
public static class CsvFile
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var rows = Parse(File.ReadAllText(path, Encoding.UTF8));
        if (rows.Count == 0) return [];
        var header = rows[0];
        var result = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Count == 1 && row[0].Length == 0) continue;
            if (row.Count != header.Count)
                throw new FormatException($"{Path.GetFileName(path)} line {i + 1}: expected {header.Count} fields, found {row.Count}.");
            result.Add(header.Select((name, column) => (name, value: row[column]))
                .ToDictionary(x => x.name, x => x.value));
        }
        return result;
    }

    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
