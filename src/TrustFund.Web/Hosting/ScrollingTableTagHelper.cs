using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Puts every table of every page in a box that scrolls sideways on its own, so that on a phone (390 px) a table
/// wider than the screen no longer makes the whole page scroll and carry the menu and the text out of view. One
/// wrapper for all tables rather than rows restacked as labelled cards: the views stay plain tables (no per-cell
/// labels to keep in step with the headers), screen readers keep real table navigation, and the figures tables keep
/// their columns aligned. The exceptions are the few tables whose rows a person works through one by one, with fields
/// in them (the scoring form, the board session's agenda and ballots, the side-by-side comparison): marked
/// table.stacked, they turn each row into a block on a phone (site.css), so that no field lies off to the side; their
/// box then has nothing to scroll. The box takes keyboard focus so it can be scrolled with the arrow keys (WCAG 2.1.1);
/// when it has a caption, the caption names it. The stylesheet (.table-scroll) draws the shadow that shows more lies aside.
/// </summary>
[HtmlTargetElement("table")]
public sealed partial class ScrollingTableTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = CaptionText(await output.GetChildContentAsync());
        output.PreElement.AppendHtml(name is null
            ? "<div class=\"table-scroll\" tabindex=\"0\">"
            : $"<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{WebUtility.HtmlEncode(name)}\">");
        output.PostElement.AppendHtml("</div>");
    }

    private static string? CaptionText(TagHelperContent content)
    {
        var caption = Caption().Match(content.GetContent());
        if (!caption.Success) return null;
        var text = WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, " ")).Trim();
        return text.Length == 0 ? null : Whitespace().Replace(text, " ");
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
