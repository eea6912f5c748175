using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application;
using TrustFund.Domain.Common;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Turns what a use case refuses into what the person sees: validation failures next to their fields, broken
/// rules and edit conflicts at the top of the form (with what they typed kept), unknown things as 404, refused senders as 403.
/// </summary>
public sealed class UseCaseExceptionFilter(IStringLocalizer<SharedResource> text) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) return;
        var modelState = executed.ModelState;
        switch (executed.Exception)
        {
            case ValidationException validation:
                foreach (var error in validation.Errors) modelState.AddModelError(error.PropertyName, Message(error, text));
                break;
            case DomainException rule:
                // A status among the arguments ("This call is Draft; …") is named as the pages name it, in the reader's language.
                modelState.AddModelError("", text[rule.Template, rule.Arguments.Select(a => a is Enum code ? text[code.ToString()].Value : a).ToArray()]);
                break;
            case DbUpdateConcurrencyException:
                modelState.AddModelError("", text["Someone else saved this record while you were editing it. Your changes are still in the form: reload the page to see theirs, then apply yours again."]);
                break;
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                return;
            case TrustFund.Application.Authorization.ForbiddenException:
                // The request's declaration refused this person: 403, with nothing of what they asked for.
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                executed.ExceptionHandled = true;
                return;
            default:
                return;
        }
        executed.Result = executed.HandlerInstance is PageModel page ? page.Page() : new BadRequestResult();
        executed.ExceptionHandled = true;
    }

    /// <summary>A validation failure in the reader's language.</summary>
    public static string Message(FluentValidation.Results.ValidationFailure error, IStringLocalizer text)
    {
        // Rules that name their field (FieldRules) pass the label, itself a catalogue text, and the bound as their state.
        // A day among them (a call's registration cut-off) is written out here as the reader's language writes it
        // ("7 de diciembre de 2026"): a format inside the message ({1:d MMMM yyyy}) would have to be the same in every
        // translation, and Spanish needs its "de" where English and French have none.
        if (error.CustomState is object[] state)
            return text[error.ErrorMessage, state.Select(a => a switch
            {
                string label => text[label].Value,
                DateOnly day => Days.Long(day),
                _ => a,
            }).ToArray()];
        // Rules that carry values ({0}, {1}) pass them as numbered placeholders, to format in the reader's language.
        // A code among them (a document type) is named as the pages name it, in the reader's language, and an entity's
        // refusal among them (a line of an import that the entity refused) is said in it too.
        var arguments = error.FormattedMessagePlaceholderValues?
            .Where(kv => int.TryParse(kv.Key, out _)).OrderBy(kv => int.Parse(kv.Key))
            .Select(kv => kv.Value switch
            {
                Enum code => text[code.ToString()].Value,
                DomainException refusal => text[refusal.Template, refusal.Arguments].Value,
                var value => value,
            }).ToArray() ?? [];
        return arguments.Length > 0 ? text[error.ErrorMessage, arguments] : text[error.ErrorMessage];
    }
}
