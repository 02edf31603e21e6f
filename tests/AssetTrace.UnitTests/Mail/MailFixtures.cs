namespace AssetTrace.UnitTests.Mail;

/// <summary>The recorded messages and transcripts in tests/fixtures/mail (see its README).</summary>
internal static class MailFixtures
{
    public static byte[] Read(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "fixtures", "mail", name);
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }
        throw new FileNotFoundException($"tests/fixtures/mail/{name} not found above {AppContext.BaseDirectory}.");
    }
}
