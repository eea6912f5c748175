using System.Text;
using TrustFund.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace TrustFund.UnitTests.Pdf;

public class ScriptTests
{
    private static string PageText(Action<ContentBuilder> content)
    {
        var bytes = PdfDocumentBuilder.Create(new DocumentInfo("Names", "Scripts", "en", SampleDocument.IssuedAt)).Content(content).RenderToBytes();
        using var pdf = PdfDocument.Open(bytes);
        return PdfText.Words(pdf.GetPage(1));
    }

    [Fact]
    public void Cyrillic_name_comes_back_exactly()
    {
        string text = PageText(c => c.Paragraph($"Programme officer: {SampleDocument.CyrillicName}, Київ, Ελλάδα"));
        Assert.Contains($"Programme officer: {SampleDocument.CyrillicName}, Київ, Ελλάδα", text);
    }

    [Fact]
    public void Latin_text_comes_back_exactly_without_ligature_characters()
    {
        string text = PageText(c => c.Paragraph("Trafficking office: official financial filings"));
        Assert.Contains("Trafficking office: official financial filings", text);
    }

    /// <summary>
    /// What PdfPig yields for Arabic: the glyphs in visual (left-to-right drawing) order, each named
    /// by the ToUnicode map — contextual forms as Arabic Presentation Forms-B (e.g. U+FEE3 for medial
    /// meem), isolated forms as base letters. NFKC folds the presentation forms back to base letters,
    /// and reversing visual order gives the logical string back exactly.
    /// </summary>
    [Fact]
    public void Arabic_name_comes_back_as_its_letters_in_visual_order()
    {
        const string name = SampleDocument.ArabicName; // فاطمة الزهراء
        string text = PageText(c => c.Paragraph(name));
        string arabic = new(text.Where(ch => ScriptRunCheck.IsArabicOrSpace(ch)).ToArray());
        string logical = new(arabic.Normalize(NormalizationForm.FormKC).Trim().Reverse().ToArray());
        Assert.Equal(name, logical);
    }

    [Fact]
    public void Arabic_name_inside_a_latin_paragraph_keeps_the_latin_text_and_the_arabic_letters()
    {
        const string name = SampleDocument.ArabicName;
        string text = PageText(c => c.Paragraph($"Regional focal point {name} (Amman) confirmed."));
        Assert.Contains("Regional focal point", text);
        Assert.Contains("(Amman) confirmed.", text);
        string arabic = new string(text.Where(ScriptRunCheck.IsArabicOrSpace).ToArray()).Normalize(NormalizationForm.FormKC);
        Assert.Contains(new string(name.Reverse().ToArray()), arabic);
    }
}

internal static class ScriptRunCheck
{
    public static bool IsArabicOrSpace(char c) => c == ' ' || c is >= '\u0600' and <= '\u06FF' || c is >= '\uFB50' and <= '\uFEFF';
}
