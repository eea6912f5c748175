using TrustFund.Infrastructure.Seeding;

namespace TrustFund.UnitTests.Seeding;

public sealed class CsvFileTests
{
    [Fact]
    public void Read_HandlesQuotedCommasQuotesAndCrLf()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "code,name\r\nBO,\"Bolivia (Plurinational State of), the\"\r\nQQ,\"say \"\"hi\"\"\"\r\n");
        try
        {
            var rows = CsvFile.Read(path);
            Assert.Equal(2, rows.Count);
            Assert.Equal("Bolivia (Plurinational State of), the", rows[0]["name"]);
            Assert.Equal("say \"hi\"", rows[1]["name"]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_ARowWithTheWrongNumberOfFields_NamesItsLine()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "a,b\n1,2\n3\n");
        try
        {
            var error = Assert.Throws<FormatException>(() => CsvFile.Read(path));
            Assert.Contains("line 3", error.Message);
        }
        finally { File.Delete(path); }
    }
}
