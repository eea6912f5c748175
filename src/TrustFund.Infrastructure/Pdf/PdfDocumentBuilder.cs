using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Entry point: composes a report from blocks and renders it to PDF with SkiaSharp.
/// Rendering is two passes — layout places every block and counts pages, then each page is
/// painted with its header and "Page X of Y" footer — and is deterministic: the same builder
/// input gives the same bytes.
/// </summary>
/// <example>
/// <code>
/// byte[] pdf = PdfDocumentBuilder.Create(new DocumentInfo("Annual report 2026", "Grants", "en", issuedAt))
///     .PageSize(PageSize.A4)
///     .Content(c =>
///     {
///         c.Heading("Annual report 2026");
///         c.Paragraph("…", TextAlignment.Justify);
///         c.KeyValues(("Total", "USD 1,234.00"));
///         c.Table(t => { t.Column("Donor", 3); t.Column("Amount", 1, Align.Right); t.Row("Norway", "1,234.00"); });
///         c.PieChart("Funding by donor", [("Norway", 1234)]);
///     })
///     .RenderToBytes();
/// </code>
/// </example>
public sealed class PdfDocumentBuilder
{
    private readonly DocumentInfo _info;
    private readonly ContentBuilder _content = new();
    private Pdf.PageSize _pageSize = Pdf.PageSize.A4;
    private float _left = 56.7f, _top = 68f, _right = 56.7f, _bottom = 62f; // about 2 cm sides

    private PdfDocumentBuilder(DocumentInfo info) => _info = info;

    /// <summary>Starts a document. The language tag is checked here so a bad tag fails early.</summary>
    public static PdfDocumentBuilder Create(DocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!CatalogLanguage.IsValidTag(info.Language))
            throw new ArgumentException($"'{info.Language}' is not a BCP 47 language tag.", nameof(info));
        return new PdfDocumentBuilder(info);
    }

    /// <summary>Page size (A4 by default).</summary>
    public PdfDocumentBuilder PageSize(PageSize size)
    {
        _pageSize = size;
        return this;
    }

    /// <summary>
    /// Page margins in points around the text column. The header sits inside the top margin and
    /// the footer inside the bottom one, so keep top and bottom at least about 50 pt.
    /// </summary>
    public PdfDocumentBuilder Margins(float left, float top, float right, float bottom)
    {
        if (top < 40 || bottom < 40) throw new ArgumentOutOfRangeException(nameof(top), "Top and bottom margins hold the header and footer: 40 pt at least.");
        (_left, _top, _right, _bottom) = (left, top, right, bottom);
        return this;
    }

    /// <summary>Appends content; may be called more than once.</summary>
    public PdfDocumentBuilder Content(Action<ContentBuilder> compose)
    {
        compose(_content);
        return this;
    }

    /// <summary>Lays out and renders the document.</summary>
    public byte[] RenderToBytes()
    {
        using var shaper = new TextShaper();
        var flow = new PageFlow(shaper, _left, _top, _pageSize.Width - _left - _right, _pageSize.Height - _bottom);
        var blocks = _content.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            // A heading keeps with the start of what follows it, so it never ends a page alone.
            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            if (blocks[i] is HeadingBlock heading) heading.Layout(flow, next?.LeadHeight(flow) ?? 0);
            // A table's footnote stays with its last row (else one sentence can sit alone on the next page).
            else if (blocks[i] is TableBlock table && next is ParagraphBlock { ClosesPrevious: true } note) table.Layout(flow, note.Height(flow));
            else blocks[i].Layout(flow);
        }

        // Pass 2 of layout: now that the page count is known, lay out headers and footers.
        var decoration = new PageDecoration(_info, _pageSize, _left, _right, _top, _pageSize.Height - _bottom);
        int count = flow.Pages.Count;
        var decorations = Enumerable.Range(1, count).Select(page => decoration.Layout(shaper, page, count)).ToList();
        shaper.PrepareSubsets();

        var metadata = new SKDocumentPdfMetadata
        {
            Title = _info.Title,
            Author = _info.Author,
            Subject = _info.Subject,
            Creator = _info.Creator,
            Producer = "TrustFund PDF engine (SkiaSharp)",
            Creation = _info.IssuedAt.UtcDateTime,
            Modified = _info.IssuedAt.UtcDateTime,
            PdfA = true, // archival profile; also makes Skia write XMP metadata
            RasterDpi = 300,
            EncodingQuality = 101, // lossless images
        };

        using var stream = new MemoryStream();
        // Charts write their numbers in the current culture: the document's while painting (never the server's).
        var serverCulture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = _info.Culture;
        try
        {
            using var document = SKDocument.CreatePdf(stream, metadata);
            for (int i = 0; i < count; i++)
            {
                var canvas = document.BeginPage(_pageSize.Width, _pageSize.Height);
                foreach (var drawing in decorations[i]) drawing.Draw(canvas, shaper);
                foreach (var drawing in flow.Pages[i]) drawing.Draw(canvas, shaper);
                document.EndPage();
            }
            document.Close();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = serverCulture;
        }
        var bytes = CatalogLanguage.Insert(stream.ToArray(), _info.Language);
        return DocumentIdStamp.Apply(bytes);
    }

    /// <summary>Renders the document into <paramref name="output"/>.</summary>
    public void RenderTo(Stream output)
    {
        var bytes = RenderToBytes();
        output.Write(bytes, 0, bytes.Length);
    }
}
