namespace TrustFund.IntegrationTests.Support;

/// <summary>The repository's folder, found from the test binaries upwards, for tests that read the sources themselves.</summary>
public static class SolutionFolder
{
    public static string Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TrustFund.sln"))) root = root.Parent;
        Assert.NotNull(root);
        return root.FullName;
    }
}
