using AssetTrace.Mail;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.UnitTests.WebConsole;

/// <summary>
/// The desk's names are looked up by code while a page renders (#13): a status, urgency, language or
/// checklist item without a name in one of the languages would break the page instead of showing it.
/// </summary>
public sealed class DeskTextTests
{
    private static readonly RequestCatalogue Catalogue = RequestCatalogue.Load(Path.Combine(AppContext.BaseDirectory, "reference-data"));

    public static TheoryData<string> Languages => ["ru", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_status_urgency_outbox_state_letter_language_and_checklist_item_has_a_name(string language)
    {
        var desk = ConsoleLanguage.Text(language).Desk;
        Assert.All(Enum.GetValues<RequestStatus>(), s => Assert.False(string.IsNullOrWhiteSpace(desk.StatusName(s))));
        Assert.All(Enum.GetValues<Urgency>(), u => Assert.False(string.IsNullOrWhiteSpace(desk.UrgencyName(u))));
        Assert.All(Enum.GetValues<OutboxStatus>(), o => Assert.False(string.IsNullOrWhiteSpace(desk.OutboxState(o))));
        Assert.All(LetterTemplates.Languages, l => Assert.NotEqual(l, desk.LanguageName(l)));
        Assert.All(Catalogue.Items.Keys, item => Assert.NotEqual(item, desk.ChecklistItem(item)));
    }
}
