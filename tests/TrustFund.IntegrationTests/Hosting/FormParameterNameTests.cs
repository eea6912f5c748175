using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>
/// A form's model bound as a handler parameter (FormPage) must not be named as a field its page posts: the binder
/// then takes that field as the model's prefix ("answer.QuestionId", ...), finds nothing under it and binds an empty
/// model, so every post is refused. The answer form of a call's questions did exactly that (parameter "answer", field
/// "answer"). Read from the page's own markup, so a new form is checked as soon as it is written.
/// </summary>
public sealed partial class FormParameterNameTests
{
    /// <summary>Each "Page.Handler(parameter)" whose complex parameter is named as one of its page's posted fields.</summary>
    public static List<string> Clashes(IEnumerable<(Type Page, MethodInfo Handler)> handlers, Func<Type, string?> markupOf)
    {
        var clashes = new List<string>();
        foreach (var (page, handler) in handlers)
        {
            if (markupOf(page) is not { } markup) continue;
            var fields = FieldName().Matches(markup).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in handler.GetParameters().Where(p => IsFormModel(p.ParameterType) && fields.Contains(p.Name!)))
                clashes.Add($"{page.Name}.{handler.Name}({parameter.Name})");
        }
        return clashes;
    }

    private static bool IsFormModel(Type type) =>
        // A list bound by its field's own name ("Present") is meant: only a model with fields of its own can clash.
        type.IsClass && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && !typeof(Microsoft.AspNetCore.Http.IFormFile).IsAssignableFrom(type);

    private static IEnumerable<(Type, MethodInfo)> PostHandlers() =>
        typeof(TrustFund.Web.Hosting.FormPage).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)).Select(m => (t, m)));

    /// <summary>The .cshtml beside the page model: TrustFund.Web.Areas.Fund.Pages.Calls.QuestionsModel → src/TrustFund.Web/Areas/Fund/Pages/Calls/Questions.cshtml.</summary>
    private static string? Markup(Type page)
    {
        var relative = page.FullName!["TrustFund.Web.".Length..^"Model".Length].Replace('.', Path.DirectorySeparatorChar) + ".cshtml";
        var path = Path.Combine(WebProject(), relative);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static string WebProject()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TrustFund.sln"))) root = root.Parent;
        Assert.NotNull(root);
        return Path.Combine(root.FullName, "src", "TrustFund.Web");
    }

    [Fact]
    public void NoFormModel_IsNamedAsAFieldItsPagePosts()
    {
        var handlers = PostHandlers().ToList();

        Assert.True(handlers.Count(h => Markup(h.Item1) is not null) > 60, "the pages' markup was not found");
        Assert.Empty(Clashes(handlers, Markup));
    }

    /// <summary>The control: the answer form's handler as it was (its model named "answer", as its page's field) is caught.</summary>
    [Fact]
    public void TheCheck_CatchesAFormModelNamedAsAPostedField()
    {
        var questions = typeof(TrustFund.Web.Areas.Fund.Pages.Calls.QuestionsModel);
        var handler = typeof(FormParameterNameTests).GetMethod(nameof(OnPostAsAnswer), BindingFlags.NonPublic | BindingFlags.Static)!;

        Assert.Equal(["QuestionsModel.OnPostAsAnswer(answer)"], Clashes([(questions, handler)], Markup));
    }

    private static void OnPostAsAnswer(TrustFund.Web.Areas.Fund.Pages.Calls.QuestionsModel.AnswerForm answer) { }

    [GeneratedRegex("\\bname=\"([^\"@]+)\"")]
    private static partial Regex FieldName();
}
