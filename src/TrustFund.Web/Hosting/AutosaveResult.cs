using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Hosting;

/// <summary>
/// The answer to a form's 30-second autosave (site.js): the new version and the time, or the edit-conflict message
/// with 409, so the page stays where it is and loses nothing.
/// </summary>
public static class AutosaveResult
{
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
    }
}
