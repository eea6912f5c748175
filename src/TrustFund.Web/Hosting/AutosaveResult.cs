using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Hosting;

/// <summary>
/// The answer to a form's 30-second autosave (site.js): the new version and the time, or the edit-conflict message
/// with 409, or what was refused with 422 (nothing saved; the fields' messages come back with "save and continue"),
/// so the page stays where it is and loses nothing. Always a few bytes of JSON, never the page.
/// </summary>
public static class AutosaveResult
{
    /// <summary>Values the form binder could not read, answered like a validator's refusal (422 with each field's message).</summary>
    public static ValidationException Refusal(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState) =>
        new(modelState.SelectMany(entry => entry.Value!.Errors.Select(error => new FluentValidation.Results.ValidationFailure(entry.Key, error.ErrorMessage))));

    public static async Task<IActionResult> Of(Func<Task<(uint Version, DateTimeOffset SavedAt)>> save, IStringLocalizer text)
    {
        try
        {
            var (version, savedAt) = await save();
            return new JsonResult(new { version, savedAt = savedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture) });
        }
        catch (DbUpdateConcurrencyException)
        {
            return new JsonResult(new { conflict = text["Someone else saved this record while you were editing it. Your changes are still in the form: reload the page to see theirs, then apply yours again."].Value })
                { StatusCode = StatusCodes.Status409Conflict };
        }
        catch (ValidationException invalid)
        {
            var errors = invalid.Errors.GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => UseCaseExceptionFilter.Message(e, text)).ToArray());
            return new JsonResult(new { problem = errors.Values.First()[0], errors }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        catch (DomainException refused)
        {
            return new JsonResult(new { problem = text[refused.Template, refused.Arguments].Value })
                { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
    }
}
