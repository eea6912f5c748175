using System.Globalization;
using System.Text;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Calls;

/// <summary>A readable, stable address for a call: /calls/2026-sgp2-shelter-and-reintegration.</summary>
public static class CallSlug
{
    public static string From(int year, FundingWindow window, string title)
    {
        var text = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) text.Append(char.ToLowerInvariant(c));
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
        }
        var words = text.ToString().Trim('-');
        if (words.Length > 60) words = words[..60].TrimEnd('-');
        var prefix = $"{year}-{window.Code().ToLowerInvariant()}";
        return words.Length == 0 ? prefix : $"{prefix}-{words}";
    }
}
