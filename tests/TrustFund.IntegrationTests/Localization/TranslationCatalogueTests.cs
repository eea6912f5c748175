using System.Text.RegularExpressions;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Localization;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>Every English text the pages and use cases show has its French and Spanish translation, with the same placeholders.</summary>
public sealed partial class TranslationCatalogueTests
{
    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public void EveryTextInThePages_HasATranslation(string language)
    {
        var catalogue = JsonStringLocalizer.Catalogue(language);
        var missing = TextsUsedInSource().Where(text => !catalogue.ContainsKey(text)).Order().ToList();
        Assert.True(missing.Count == 0, $"Missing {language} translations:\n{string.Join("\n", missing)}");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public void Translations_KeepThePlaceholders(string language)
    {
        foreach (var (english, translated) in JsonStringLocalizer.Catalogue(language))
            Assert.Equal(Placeholders(english), Placeholders(translated));
    }

    /// <summary>
    /// French sets a colon off from its word ("Projet : …"); the pages add the colon after a label the same way
    /// (Display.Label). Placeholders ({1:HH:mm}) and web addresses are not words followed by a colon.
    /// </summary>
    [Fact]
    public void FrenchTranslations_SetEveryColonOffFromTheWordBeforeIt()
    {
        var glued = JsonStringLocalizer.Catalogue("fr").Values
            .Where(text => WordThenColon().IsMatch(Placeholder().Replace(text, "")))
            .Order().ToList();
        Assert.True(glued.Count == 0, $"French translations with a colon glued to a word:\n{string.Join("\n", glued)}");
    }

    /// <summary>
    /// A view that writes a colon after a translated text ("@T["Deadline"]: …") gives French readers "Date limite:":
    /// labels take their colon from Display.Label, which sets it as the reader's language does.
    /// </summary>
    [Fact]
    public void NoView_GluesAColonToATranslatedText()
    {
        var glued = SourceFiles().Where(f => f.EndsWith(".cshtml"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => ColonAfterTranslatedText().IsMatch(l.Text))
            .Select(l => $"{Path.GetFileName(l.File)}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(glued.Count == 0, $"Views that glue a colon to a translated text (use Display.Label):\n{string.Join("\n", glued)}");
    }

    /// <summary>
    /// A text no page or rule shows any more is dead weight translators keep paying for. Texts reach the localizer by
    /// other paths too (display names of enums, budget categories), so this looks for the English text anywhere in the
    /// source, not only in the patterns above.
    /// </summary>
    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public void EveryTranslation_IsOfATextTheSourceStillContains(string language)
    {
        var source = string.Concat(SourceFiles().Select(File.ReadAllText));
        var unused = JsonStringLocalizer.Catalogue(language).Keys
            // A text with line breaks is written with \n escapes in the C# source.
            .Where(english => !source.Contains(english, StringComparison.Ordinal) && !source.Contains(english.Replace("\n", "\\n"), StringComparison.Ordinal))
            .Order().ToList();
        Assert.True(unused.Count == 0, $"{language} translations of texts no longer used:\n{string.Join("\n", unused)}");
    }

    /// <summary>Pages show enum values through the catalogue by their code ("UnderReview"): English readers need a name for each too.</summary>
    [Fact]
    public void EveryCodeTheCataloguesTranslate_HasAnEnglishName()
    {
        var english = JsonStringLocalizer.Catalogue("en");
        var codes = JsonStringLocalizer.Catalogue("fr").Keys.Where(k => Code().IsMatch(k)).ToList();

        Assert.Contains("UnderReview", codes);
        Assert.DoesNotContain(codes, code => !english.ContainsKey(code));
        Assert.DoesNotContain(english.Keys, code => !codes.Contains(code));
        Assert.Equal("Under review", english["UnderReview"]);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(SolutionFolder.Root(), "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains("/obj/") && !f.Contains("/bin/"));

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order();

    private static HashSet<string> TextsUsedInSource()
    {
        var src = Path.Combine(SolutionFolder.Root(), "src");
        var texts = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(src, "TrustFund.Web"), "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            var source = File.ReadAllText(file);
            foreach (Match m in PageText().Matches(source)) texts.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in AnnotationText().Matches(source)) texts.Add(Regex.Unescape(m.Groups[1].Value));
            AddCountedTexts(source, texts);
        }
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                     .Where(f => (f.Contains("TrustFund.Application") || f.Contains("TrustFund.Domain")) && !f.Contains("/obj/")))
        {
            var source = File.ReadAllText(file);
            foreach (Match m in RuleText().Matches(source)) texts.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in SubmissionProblemText().Matches(source)) texts.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in DocumentText().Matches(source)) texts.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in NoticeText().Matches(source))
            {
                texts.Add(Regex.Unescape(m.Groups[1].Value));
                texts.Add(Regex.Unescape(m.Groups[2].Value));
            }
            foreach (Match m in NoticeWord().Matches(source)) texts.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in FieldLabel().Matches(source)) texts.Add(Regex.Unescape(m.Groups[1].Value));
            AddCountedTexts(source, texts);
        }
        // Every document (one folder each) translates its texts with T/F.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(src, "TrustFund.Infrastructure", "Reports"), "*.cs", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(file);
            foreach (Match m in DocumentText().Matches(source)) texts.Add(Regex.Unescape(m.Groups[1].Value));
            AddCountedTexts(source, texts);
        }
        return texts;
    }

    /// <summary>
    /// A count before its noun names both its texts, the singular and the plural: Plural(n, "{0} grant", "{0} grants") on
    /// pages and in documents, new Counted(n, "{0} year", "{0} years") as a value of a refusal or a notice.
    /// </summary>
    private static void AddCountedTexts(string source, HashSet<string> texts)
    {
        foreach (Match m in CountedText().Matches(source))
        {
            texts.Add(Regex.Unescape(m.Groups[1].Value));
            texts.Add(Regex.Unescape(m.Groups[2].Value));
        }
    }

    [GeneratedRegex("""\b(?:Plural|Counted)\([^"()]*(?:\([^()]*\)[^"()]*)*,\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex CountedText();

    [GeneratedRegex("""(?:\bT|text)\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex PageText();

    [GeneratedRegex(""""ErrorMessage = "((?:[^"\\]|\\.)*)"(?!")"""")]
    private static partial Regex AnnotationText();

    [GeneratedRegex("""(?:WithMessage|DomainException)\("((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex RuleText();

    [GeneratedRegex("""\b(?:T|F|Label)\("((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex DocumentText();

    // A notification's subject and body, stored as these keys and rendered for whoever reads it.
    [GeneratedRegex("""(?:NoticeText \w+ = new|new NoticeText)\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex NoticeText();

    [GeneratedRegex("""\b(?:CatalogueWord|NoticeLines)\("((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex NoticeWord();

    // A length rule names its field by the label the page shows (FieldRules.AtMost).
    [GeneratedRegex("""\bAtMost\([^,()]+, "((?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex FieldLabel();

    // The field may be built ("Attachments." + missing): the text is the first literal after it.
    [GeneratedRegex("""\bAdd\("[^"]*"(?: \+ \w+)?, "((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex SubmissionProblemText();

    [GeneratedRegex("^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex Code();

    [GeneratedRegex(@"\{[A-Za-z0-9]+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    // @T["Deadline"]: or @T[file.Type.ToString()]: (a colon right after the localizer's closing bracket).
    [GeneratedRegex(@"@T\[(?:""[^""]*""|[^\]""])*\]:")]
    private static partial Regex ColonAfterTranslatedText();

    [GeneratedRegex(@"(?<!https?)(?<=\p{L}):")]
    private static partial Regex WordThenColon();
}
