namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// A stretch of a word in one script family: Arabic (shaped right to left with the Arabic font)
/// or anything else (shaped left to right with Noto Sans). This is the whole of the engine's
/// font fallback; Latin, Cyrillic and Greek are all in Noto Sans.
/// </summary>
internal readonly record struct ScriptRun(int Start, int Length, bool IsArabic)
{
    public static bool IsArabicChar(char c) =>
        c is >= '\u0600' and <= '\u06FF'      // Arabic
          or >= '\u0750' and <= '\u077F'      // Arabic Supplement
          or >= '\u08A0' and <= '\u08FF'      // Arabic Extended-A
          or >= '\uFB50' and <= '\uFDFF'      // Presentation Forms-A
          or >= '\uFE70' and <= '\uFEFF';     // Presentation Forms-B

    /// <summary>Splits a word into runs. Digits and punctuation join the run they appear in.</summary>
    public static List<ScriptRun> Split(string word)
    {
        var runs = new List<ScriptRun>();
        int start = 0;
        bool? current = null;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            bool strong = char.IsLetter(c) || IsArabicChar(c);
            if (!strong) continue;
            bool arabic = IsArabicChar(c);
            if (current is null) { current = arabic; continue; }
            if (arabic != current)
            {
                runs.Add(new ScriptRun(start, i - start, current.Value));
                start = i;
                current = arabic;
            }
        }
        runs.Add(new ScriptRun(start, word.Length - start, current ?? false));
        return runs;
    }
}
