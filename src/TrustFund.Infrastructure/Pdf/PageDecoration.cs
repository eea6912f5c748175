
namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Header and footer of every page, laid out once the page count is known: the wordmark line
/// above a rule at the top; the report title and date, and "Page X of Y", below a rule at the bottom.
/// </summary>
internal sealed class PageDecoration(DocumentInfo info, PageSize size, float left, float right, float contentTop, float contentBottom)
{
    private const float FontSize = DocumentTheme.SmallSize;

    public List<IPageDrawing> Layout(TextShaper shaper, int page, int pageCount)
    {
        float width = size.Width - left - right;
        float lineHeight = FontSize * DocumentTheme.LineSpacing;
        var drawings = new List<IPageDrawing>();

        float headerRule = contentTop - 10f;
        drawings.Add(Text(shaper, info.Wordmark, true, left, headerRule - lineHeight - 2f, DocumentTheme.Accent));
        drawings.Add(new RuleDrawing(left, headerRule, left + width, headerRule, DocumentTheme.Rule, DocumentTheme.RuleWidth));

        float footerRule = contentBottom + 12f;
        drawings.Add(new RuleDrawing(left, footerRule, left + width, footerRule, DocumentTheme.Rule, DocumentTheme.RuleWidth));
        string pageLabel = string.Format(info.Culture, info.PageNumberFormat, page, pageCount);
        float labelWidth = LineBreaker.NaturalWidth(shaper, pageLabel, false, FontSize);
        string date = info.IssuedAt.ToString(info.DateFormat, info.Culture);
        string footerText = Fit(shaper, info.FooterTitle ?? info.Title, $" · {date}", width - labelWidth - 24f);
        drawings.Add(Text(shaper, footerText, false, left, footerRule + 4f, DocumentTheme.Muted));
        drawings.Add(Text(shaper, pageLabel, false, left + width - labelWidth, footerRule + 4f, DocumentTheme.Muted));
        return drawings;
    }

    /// <summary>Shortens the title with an ellipsis so title + suffix fit on one line.</summary>
    private static string Fit(TextShaper shaper, string title, string suffix, float maxWidth)
    {
        string candidate = title + suffix;
        if (LineBreaker.NaturalWidth(shaper, candidate, false, FontSize) <= maxWidth) return candidate;
        for (int length = title.Length - 1; length > 0; length--)
        {
            candidate = title[..length].TrimEnd() + "…" + suffix;
            if (LineBreaker.NaturalWidth(shaper, candidate, false, FontSize) <= maxWidth) return candidate;
        }
        return suffix.TrimStart(' ', '·');
    }

    private static TextDrawing Text(TextShaper shaper, string text, bool bold, float x, float top, SkiaSharp.SKColor color)
    {
        var line = LineBreaker.Break(shaper, text, bold, FontSize, float.MaxValue / 4, TextAlignment.Left)[0];
        return new TextDrawing(line, x, top, color);
    }
}
