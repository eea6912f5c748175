using System.Text;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Features.ExchangeRates;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Areas.Fund.Pages.Rates;

/// <summary>Imports a CSV file of UNORE rates, all or nothing: one form whose file is bound to its handler (see FormPage).</summary>
public sealed class ImportModel(IMediator mediator) : FormPage
{
    /// <summary>A year of monthly rates for every currency is well under this.</summary>
    private const long MaxFileBytes = 1024 * 1024;

    // The page shows only the file format: nothing to load.
    protected override Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    public void OnGet() { }

    // Named as the box, so that every message (the import's own, keyed "Upload") links to it from the summary.
    public async Task<IActionResult> OnPostAsync([FromForm(Name = "Upload")] IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
            ModelState.AddModelError("Upload", Text("Choose the CSV file to import."));
        else if (upload.Length > MaxFileBytes)
            ModelState.AddModelError("Upload", Text("The file is larger than 1 MB: split it into several imports."));
        if (!ModelState.IsValid) return Page();
        using var reader = new StreamReader(upload!.OpenReadStream(), Encoding.UTF8);
        var result = await mediator.Send(new ImportUnoreRates.Command(await reader.ReadToEndAsync(ct)), ct);
        TempData["Message"] = Plural(result.Imported, "{0} rate imported.", "{0} rates imported.");
        return Redirect("/fund/rates");
    }
}
