using System.Globalization;
using System.Xml.Linq;

namespace TrustFund.Application.Features.OpenData;

/// <summary>
/// The IATI standard's rules that its XML schema cannot express, checked on both files before they are served: budget
/// periods of at most a year that start before they end, start dates before end dates, a value date on every amount, no
/// transaction or actual date in the future, percentages that add up to 100, activity identifiers that are unique and
/// start with the reporting organisation's identifier. Returns what is wrong, empty when nothing is.
/// </summary>
public static class IatiRules
{
    /// <summary>
    /// The file's bytes, once it passes the checks. A file that breaks the standard's rules is not published: the fund
    /// would be telling IATI something false, so the request fails loudly instead.
    /// </summary>
    public static byte[] Publishable(XDocument document, DateOnly today)
    {
        var problems = Check(document, today);
        if (problems.Count > 0)
            throw new InvalidOperationException($"The IATI file breaks the standard's rules: {string.Join("; ", problems)}");
        return IatiXml.Bytes(document);
    }

    public static IReadOnlyList<string> Check(XDocument document, DateOnly today)
    {
        var problems = new List<string>();
        var root = document.Root!;
        var activities = root.Elements("iati-activity").ToList();
        var organisations = root.Elements("iati-organisation").ToList();

        foreach (var activity in activities)
        {
            var id = activity.Element("iati-identifier")?.Value.Trim() ?? "";
            var reporter = activity.Element("reporting-org")?.Attribute("ref")?.Value ?? "";
            if (!id.StartsWith(reporter + "-", StringComparison.Ordinal))
                problems.Add($"{id}: the identifier does not start with the reporting organisation's identifier {reporter}");
            CheckActivityDates(id, activity, today, problems);
            CheckPercentages(id, activity.Elements("sector").Where(s => (s.Attribute("vocabulary")?.Value ?? "1") == "1"), "sector", problems);
            CheckPercentages(id, activity.Elements("recipient-country").Concat(activity.Elements("recipient-region")), "recipient country and region", problems);
            foreach (var budget in activity.Elements("budget")) CheckPeriod(id, "budget", budget, problems);
            foreach (var transaction in activity.Elements("transaction"))
                if (Date(transaction.Element("transaction-date")?.Attribute("iso-date")) is { } date && date > today)
                    problems.Add($"{id}: a transaction is dated {date:yyyy-MM-dd}, in the future");
            foreach (var period in activity.Descendants("result").Descendants("period")) CheckPeriod(id, "result period", period, problems, maxOneYear: false);
        }
        foreach (var duplicate in activities.GroupBy(a => a.Element("iati-identifier")?.Value.Trim()).Where(g => g.Count() > 1))
            problems.Add($"{duplicate.Key}: the identifier is used by {duplicate.Count()} activities");

        foreach (var organisation in organisations)
        {
            var id = organisation.Element("organisation-identifier")?.Value.Trim() ?? "";
            foreach (var budget in organisation.Elements().Where(e => e.Name.LocalName.EndsWith("-budget", StringComparison.Ordinal) || e.Name == "total-expenditure"))
                CheckPeriod(id, budget.Name.LocalName, budget, problems);
        }

        // Every amount needs the date its currency was valued on, or it cannot be converted.
        foreach (var value in root.Descendants("value"))
            if (Date(value.Attribute("value-date")) is null)
                problems.Add($"{Owner(value)}: an amount has no valid value-date");
        return problems;
    }

    private static void CheckActivityDates(string id, XElement activity, DateOnly today, List<string> problems)
    {
        DateOnly? Of(string type) => activity.Elements("activity-date").Where(d => d.Attribute("type")?.Value == type)
            .Select(d => Date(d.Attribute("iso-date"))).FirstOrDefault();
        var (plannedStart, actualStart, plannedEnd, actualEnd) = (Of("1"), Of("2"), Of("3"), Of("4"));
        if (plannedStart > plannedEnd) problems.Add($"{id}: the planned start {plannedStart:yyyy-MM-dd} is after the planned end {plannedEnd:yyyy-MM-dd}");
        if (actualStart > actualEnd) problems.Add($"{id}: the actual start {actualStart:yyyy-MM-dd} is after the actual end {actualEnd:yyyy-MM-dd}");
        if (actualStart > today) problems.Add($"{id}: the actual start {actualStart:yyyy-MM-dd} is in the future");
        if (actualEnd > today) problems.Add($"{id}: the actual end {actualEnd:yyyy-MM-dd} is in the future");
    }

    private static void CheckPercentages(string id, IEnumerable<XElement> elements, string what, List<string> problems)
    {
        var list = elements.ToList();
        if (list.Count == 0) return;
        var percentages = list.Select(e => decimal.TryParse(e.Attribute("percentage")?.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : (decimal?)null).ToList();
        // A single element may leave its percentage out (it is then 100%); several must each give one.
        if (list.Count == 1 && percentages[0] is null) return;
        if (percentages.Any(p => p is null)) problems.Add($"{id}: every {what} needs a percentage when there are several");
        else if (percentages.Sum() != 100) problems.Add($"{id}: the {what} percentages add up to {percentages.Sum()}, not 100");
    }

    private static void CheckPeriod(string id, string what, XElement element, List<string> problems, bool maxOneYear = true)
    {
        var start = Date(element.Element("period-start")?.Attribute("iso-date"));
        var end = Date(element.Element("period-end")?.Attribute("iso-date"));
        if (start is null || end is null) { problems.Add($"{id}: a {what} has no valid period"); return; }
        if (start > end) problems.Add($"{id}: a {what} starts on {start:yyyy-MM-dd}, after it ends on {end:yyyy-MM-dd}");
        else if (maxOneYear && end.Value >= start.Value.AddYears(1)) problems.Add($"{id}: a {what} from {start:yyyy-MM-dd} to {end:yyyy-MM-dd} is longer than a year");
    }

    private static string Owner(XElement element) =>
        element.AncestorsAndSelf("iati-activity").Select(a => a.Element("iati-identifier")?.Value)
            .Concat(element.AncestorsAndSelf("iati-organisation").Select(o => o.Element("organisation-identifier")?.Value))
            .FirstOrDefault(v => v is not null) ?? "file";

    private static DateOnly? Date(XAttribute? attribute) =>
        DateOnly.TryParseExact(attribute?.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
