using System.Xml.Linq;
using TrustFund.Application.Features.OpenData;

namespace TrustFund.IntegrationTests.OpenData;

/// <summary>The standard's rules the schema cannot express: each has a failing example, and a valid activity passes them all.</summary>
public sealed class IatiRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private const string Valid = """
        <iati-activities version="2.03">
          <iati-activity>
            <iati-identifier>XM-DAC-41128-GA-1</iati-identifier>
            <reporting-org ref="XM-DAC-41128" type="40"><narrative>UNODC</narrative></reporting-org>
            <activity-date type="1" iso-date="2026-01-01"/>
            <activity-date type="2" iso-date="2026-01-01"/>
            <activity-date type="3" iso-date="2027-06-30"/>
            <recipient-country code="CO" percentage="100"/>
            <sector vocabulary="1" code="15160" percentage="100"/>
            <budget><period-start iso-date="2026-01-01"/><period-end iso-date="2026-12-31"/><value currency="USD" value-date="2026-01-01">100.00</value></budget>
            <transaction><transaction-type code="3"/><transaction-date iso-date="2026-02-01"/><value currency="USD" value-date="2026-02-01">50.00</value></transaction>
          </iati-activity>
        </iati-activities>
        """;

    [Fact]
    public void ValidActivity_PassesEveryRule() => Assert.Empty(IatiRules.Check(XDocument.Parse(Valid), Today));

    [Theory]
    [InlineData("""<period-end iso-date="2026-12-31"/>""", """<period-end iso-date="2027-03-31"/>""", "longer than a year")]
    [InlineData("""<period-start iso-date="2026-01-01"/>""", """<period-start iso-date="2027-01-01"/>""", "after it ends")]
    [InlineData("""<activity-date type="3" iso-date="2027-06-30"/>""", """<activity-date type="3" iso-date="2025-06-30"/>""", "planned start")]
    [InlineData("""<activity-date type="2" iso-date="2026-01-01"/>""", """<activity-date type="2" iso-date="2026-07-01"/>""", "in the future")]
    [InlineData("""<transaction-date iso-date="2026-02-01"/>""", """<transaction-date iso-date="2026-06-16"/>""", "in the future")]
    [InlineData("""value-date="2026-02-01">""", """>""", "no valid value-date")]
    [InlineData("""<sector vocabulary="1" code="15160" percentage="100"/>""",
        """<sector vocabulary="1" code="15160" percentage="60"/><sector vocabulary="1" code="15180" percentage="30"/>""", "add up to 90")]
    [InlineData("""<recipient-country code="CO" percentage="100"/>""",
        """<recipient-country code="CO" percentage="50"/><recipient-country code="EC"/>""", "needs a percentage")]
    [InlineData("""<iati-identifier>XM-DAC-41128-GA-1</iati-identifier>""", """<iati-identifier>GA-1</iati-identifier>""", "does not start with")]
    public void ActivityBreakingARule_IsReported(string valid, string broken, string problem)
    {
        Assert.Contains(valid, Valid);
        var problems = IatiRules.Check(XDocument.Parse(Valid.Replace(valid, broken)), Today);

        Assert.Contains(problems, p => p.Contains(problem));
    }

    [Fact]
    public void TwoActivitiesWithOneIdentifier_AreReported()
    {
        var document = XDocument.Parse(Valid);
        document.Root!.Add(new XElement(document.Root.Element("iati-activity")!));

        Assert.Contains(IatiRules.Check(document, Today), p => p.Contains("used by 2 activities"));
    }

    [Fact]
    public void OrganisationBudgetLongerThanAYear_IsReported()
    {
        var organisation = XDocument.Parse("""
            <iati-organisations version="2.03"><iati-organisation>
              <organisation-identifier>XM-DAC-41128</organisation-identifier>
              <total-budget><period-start iso-date="2026-01-01"/><period-end iso-date="2027-01-01"/><value value-date="2026-01-01">1</value></total-budget>
            </iati-organisation></iati-organisations>
            """);

        Assert.Contains(IatiRules.Check(organisation, Today), p => p.Contains("longer than a year"));
        Assert.Throws<InvalidOperationException>(() => IatiRules.Publishable(organisation, Today));
    }

    [Fact]
    public void BudgetPeriods_SpreadAGrantOverCalendarYears_ToTheCent()
    {
        var periods = GetIatiActivityFile.BudgetPeriods(new DateOnly(2026, 7, 1), new DateOnly(2028, 2, 29), 40_000m);

        Assert.Equal([2026, 2027, 2028], periods.Select(p => p.Start.Year));
        Assert.Equal(40_000m, periods.Sum(p => p.Usd));
        Assert.All(periods, p => Assert.True(p.End < p.Start.AddYears(1)));
        Assert.Equal(new DateOnly(2027, 1, 1), periods[1].Start);
        Assert.Equal(new DateOnly(2028, 2, 29), periods[2].End);
    }
}
