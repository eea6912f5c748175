using System.Text;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Features.ExchangeRates;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Areas.Fund.Pages.Rates;

public sealed class ImportModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>A year of monthly rates for every currency is well under this.</summary>
    private const long MaxFileBytes = 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Choose the CSV file to import."]);
            return Page();
        }
        if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), text["The file is larger than 1 MB: split it into several imports."]);
            return Page();
        }
        using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8);
        var result = await mediator.Send(new ImportUnoreRates.Command(await reader.ReadToEndAsync(ct)), ct);
        TempData["Message"] = text["{0} rates imported.", result.Imported].Value;
        return Redirect("/fund/rates");
    }
}
