using TrustFund.Web.Hosting;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>Production refuses to start with a setting whose absence would make it unsafe, and says which.</summary>
public sealed class ProductionStartupTests
{
    private static readonly string[] Production =
        ["--environment", "Production", "--ConnectionStrings:TrustFund", "Host=127.0.0.1;Database=never_opened"];

    [Fact]
    public void Production_WithoutAPublicBaseUrl_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WebApp.Build(Production));
        Assert.Contains("App:PublicBaseUrl is not set", error.Message);
    }

    [Fact]
    public void Production_WithAPlainHttpPublicBaseUrl_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            WebApp.Build([.. Production, "--App:PublicBaseUrl", "http://trustfund.example.org"]));
        Assert.Contains("must be an https address", error.Message);
    }
}
