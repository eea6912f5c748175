using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Hosting;

/// <summary>
/// The one way a page posts a form (ARCHITECTURE.md, "A page post"). A page with forms derives from this and:
/// <list type="number">
/// <item>puts what it shows (the record, lists, totals) in <see cref="LoadAsync"/>. Nothing calls it before a
/// command: it runs by itself whenever the page is rendered, after a GET and after a refused post, never when a post
/// succeeds (post/redirect/get). A GET handler that fills a form from the record calls <see cref="EnsureLoadedAsync"/>
/// first; a post handler never does, so what the person typed is what the command receives.</item>
/// <item>gives every form its own handler (<c>OnPostRefundAsync</c>) and its own model, a class bound as that
/// handler's parameter (<c>RefundForm refund</c>, or the command itself where it fits): only the posted form is bound
/// and validated. Its fields are named after the class's properties (<c>RefundAmount</c>); a list or dictionary goes
/// inside the class (<c>BySex[Female]</c>), never as a parameter or property of its own, because a top-level
/// collection with no posted field of its name binds every posted field (the antiforgery token showed up as "not
/// valid for Value"). On a page with several forms, never a page-wide <c>[BindProperty]</c> for a form's field: it is
/// bound and validated on every form's post, so one form's refusal showed another form's "field is required". (A page
/// whose only form is the page, such as a "new pledge" page, may keep its fields as <c>[BindProperty]</c>.)</item>
/// <item>keeps the typed values for the view (<c>Refund = refund</c>), then returns <see cref="Send{T}"/>: binding
/// errors, a <c>ValidationException</c>, a <c>DomainException</c> or an edit conflict show the same page with that
/// form's values and only its messages (UseCaseExceptionFilter turns the exceptions into messages); success
/// redirects with the done message.</item>
/// <item>when the form edits a record, carries the version it was loaded with in a hidden field, and its command
/// compares that version with the stored one (not with one the same save bumped).</item>
/// </list>
/// </summary>
public abstract class FormPage : PageModel
{
    private bool loaded;

    /// <summary>Loads what the page shows besides its forms' values (route values come from bound properties or RouteData).</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    /// <summary>Loads the page once; for GET handlers that fill a form from what was loaded.</summary>
    protected async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (loaded) return;
        loaded = true;
        await LoadAsync(ct);
    }

    /// <summary>A guid from the page's route (constrained to guids by its @page template), for LoadAsync and the handlers.</summary>
    protected Guid RouteGuid(string name = "id") =>
        Guid.Parse(Convert.ToString(RouteData.Values[name], System.Globalization.CultureInfo.InvariantCulture)!);

    /// <summary>A text from the catalogue in the reader's language, for messages a handler composes itself.</summary>
    protected string Text(string key, params object[] arguments) =>
        HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[key, arguments].Value;

    /// <summary>A count before its noun in the reader's language ("1 rate imported."): see CountedText.Plural.</summary>
    protected string Plural(long count, string one, string other, params object[] more) =>
        HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>().Plural(count, one, other, more).Value;

    /// <summary>Two counts in one message, each with its own noun: "10 assignments made; 1 application could not ...".</summary>
    protected string AssignmentsMade(int added, int shortOfReviewers) => Display.Semicolons([
        Plural(added, "{0} assignment made", "{0} assignments made"),
        Plural(shortOfReviewers, "{0} application could not get enough reviewers free of conflicts", "{0} applications could not get enough reviewers free of conflicts"),
    ]) + ".";

    /// <summary>The part of a bulk action's message that counts what it left alone.</summary>
    protected string Skipped(int skipped) => Plural(skipped, "{0} was skipped", "{0} were skipped");

    /// <summary>
    /// Sends the posted form's command: refused → the page again (loaded by the filter below); done → a redirect to
    /// <paramref name="redirectTo"/> with <paramref name="done"/> (a catalogue key) as the message.
    /// </summary>
    protected async Task<IActionResult> Send<T>(ICommand<T> command, string done, string redirectTo, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        await HttpContext.RequestServices.GetRequiredService<IMediator>().Send(command, ct);
        TempData["Message"] = Text(done);
        return Redirect(redirectTo);
    }

    /// <summary>
    /// After the handler (and UseCaseExceptionFilter, which runs inside this page's own filter and turns a refusal into
    /// Page()), the page is loaded when, and only when, it is about to be rendered.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled) return;
        if (executed.Result is not (null or PageResult)) return;
        try
        {
            await EnsureLoadedAsync(context.HttpContext.RequestAborted);
        }
        // Loading here is outside UseCaseExceptionFilter (a GET handler that loads nothing itself, OnGet() { }): an unknown
        // record or another organisation's gets the answers the filter gives, 404 and 403, not a 500.
        catch (TrustFund.Application.NotFoundException)
        {
            executed.Result = new NotFoundResult();
        }
        catch (TrustFund.Application.Authorization.ForbiddenException)
        {
            executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }
}
