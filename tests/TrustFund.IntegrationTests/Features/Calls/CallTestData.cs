using TrustFund.Application.Features.Calls;
using TrustFund.Domain.Calls;

namespace TrustFund.IntegrationTests.Features.Calls;

public static class CallTestData
{
    public static CallForm Form(DateTimeOffset now, string title = "Shelter and reintegration 2027", FundingWindow window = FundingWindow.MediumTerm) => new()
    {
        TitleEn = title,
        TitleFr = "Hébergement et réinsertion 2027",
        TitleEs = "Alojamiento y reintegración 2027",
        DescriptionEn = "Grants for NGOs assisting victims of trafficking.",
        DescriptionFr = "Subventions pour les ONG qui aident les victimes de la traite.",
        Window = window,
        Envelope = 500_000,
        MinGrant = window == FundingWindow.MediumTerm ? 20_000 : 5_000,
        MaxGrant = window == FundingWindow.MediumTerm ? 60_000 : 20_000,
        MaxDurationMonths = window == FundingWindow.MediumTerm ? 24 : 9,
        TimeZoneId = "Europe/Vienna",
        DeadlineLocal = now.UtcDateTime.Date.AddDays(30).AddHours(23).AddMinutes(59),
        QuestionDeadlineLocal = now.UtcDateTime.Date.AddDays(20).AddHours(23).AddMinutes(59),
    };

    public static Dictionary<string, string> Fields(CallForm form) => new()
    {
        ["Form.TitleEn"] = form.TitleEn, ["Form.TitleFr"] = form.TitleFr ?? "", ["Form.TitleEs"] = form.TitleEs ?? "",
        ["Form.DescriptionEn"] = form.DescriptionEn, ["Form.DescriptionFr"] = form.DescriptionFr ?? "", ["Form.DescriptionEs"] = form.DescriptionEs ?? "",
        ["Form.Window"] = form.Window.ToString(),
        ["Form.Envelope"] = form.Envelope.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.MinGrant"] = form.MinGrant.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.MaxGrant"] = form.MaxGrant.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.MaxDurationMonths"] = form.MaxDurationMonths.ToString(),
        ["Form.TimeZoneId"] = form.TimeZoneId,
        ["Form.DeadlineLocal"] = form.DeadlineLocal.ToString("yyyy-MM-ddTHH:mm"),
        ["Form.QuestionDeadlineLocal"] = form.QuestionDeadlineLocal.ToString("yyyy-MM-ddTHH:mm"),
    };
}
