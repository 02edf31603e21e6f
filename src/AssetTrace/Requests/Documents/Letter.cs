namespace AssetTrace.Requests.Documents;

public enum BlockKind
{
    Title,
    Field,
    Heading,
    Paragraph,
    Item,
}

/// <summary>One block of a letter: a title, a "label: value" field, a heading, a paragraph or a list item.</summary>
public sealed record LetterBlock(BlockKind Kind, string Text, string? Label = null);

/// <summary>A request letter in one language, laid out as blocks, ready to render as text or PDF.</summary>
public sealed record Letter(string Language, bool RightToLeft, string Subject, IReadOnlyList<LetterBlock> Blocks)
{
    /// <summary>The letter as the plain-text body of an e-mail.</summary>
    public string ToText()
    {
        var text = new System.Text.StringBuilder();
        foreach (var block in Blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Title:
                    text.Append(block.Text).Append('\n').Append(new string('=', Math.Min(block.Text.Length, 72))).Append("\n\n");
                    break;
                case BlockKind.Field:
                    text.Append(block.Label).Append(": ").Append(block.Text).Append('\n');
                    break;
                case BlockKind.Heading:
                    text.Append('\n').Append(block.Text).Append('\n');
                    break;
                case BlockKind.Item:
                    text.Append(" - ").Append(block.Text).Append('\n');
                    break;
                default:
                    text.Append(block.Text).Append("\n\n");
                    break;
            }
        }
        return text.ToString().TrimEnd() + "\n";
    }
}
