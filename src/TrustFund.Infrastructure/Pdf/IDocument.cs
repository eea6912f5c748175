namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// A whole document, as in QuestPDF: what it is (title, language, date), its paper, and its content composed from
/// components. Rendered with <see cref="DocumentExtensions.GeneratePdf"/>.
/// </summary>
public interface IDocument
{
    DocumentInfo Info { get; }

    PageSize PageSize => PageSize.A4;

    void Compose(ContentBuilder content);
}

/// <summary>A reusable piece of a document (a section, a table of a given shape) that adds its blocks in reading order.</summary>
public interface IComponent
{
    void Compose(ContentBuilder content);
}

public static class DocumentExtensions
{
    public static byte[] GeneratePdf(this IDocument document) =>
        PdfDocumentBuilder.Create(document.Info).PageSize(document.PageSize).Content(document.Compose).RenderToBytes();
}
