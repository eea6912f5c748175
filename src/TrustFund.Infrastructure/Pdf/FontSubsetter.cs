using System.Runtime.InteropServices;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Subsets a TrueType font with HarfBuzz's hb-subset (exported by the libHarfBuzzSharp native
/// library that HarfBuzzSharp already ships). Skia's PDF backend in SkiaSharp embeds fonts whole,
/// so the engine hands it a font that only contains the glyphs the document uses.
/// </summary>
internal static class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";
    private const uint NoHinting = 1u << 0;   // HB_SUBSET_FLAGS_NO_HINTING: hints are useless in PDF
    private const uint RetainGids = 1u << 1;  // HB_SUBSET_FLAGS_RETAIN_GIDS: shaped glyph ids stay valid

    /// <summary>
    /// Keeps <paramref name="glyphs"/> (by id, ids unchanged when <paramref name="retainGlyphIds"/>) and
    /// the characters in <paramref name="unicodes"/> (with their cmap entries, so the PDF's ToUnicode
    /// map — and text extraction — still works).
    /// </summary>
    public static byte[] Subset(HarfBuzzSharp.Face face, IEnumerable<ushort> glyphs, IEnumerable<(int First, int Last)> unicodes, bool retainGlyphIds)
    {
        IntPtr input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("hb_subset_input_create_or_fail failed.");
        try
        {
            IntPtr glyphSet = hb_subset_input_glyph_set(input);
            hb_set_add(glyphSet, 0); // .notdef
            foreach (var glyph in glyphs) hb_set_add(glyphSet, glyph);
            IntPtr unicodeSet = hb_subset_input_unicode_set(input);
            foreach (var (first, last) in unicodes) hb_set_add_range(unicodeSet, (uint)first, (uint)last);
            hb_subset_input_set_flags(input, NoHinting | (retainGlyphIds ? RetainGids : 0));

            IntPtr subset = hb_subset_or_fail(face.Handle, input);
            if (subset == IntPtr.Zero) throw new InvalidOperationException("hb_subset_or_fail failed.");
            try
            {
                IntPtr blob = hb_face_reference_blob(subset);
                try
                {
                    IntPtr data = hb_blob_get_data(blob, out uint length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally { hb_blob_destroy(blob); }
            }
            finally { hb_face_destroy(subset); }
        }
        finally { hb_subset_input_destroy(input); }
    }

    [DllImport(Library)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Library)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_glyph_set(IntPtr input);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Library)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Library)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(Library)] private static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(Library)] private static extern void hb_set_add_range(IntPtr set, uint first, uint last);
    [DllImport(Library)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Library)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(Library)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Library)] private static extern void hb_blob_destroy(IntPtr blob);
}
