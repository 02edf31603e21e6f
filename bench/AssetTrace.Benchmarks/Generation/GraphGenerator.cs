using AssetTrace.Graph.Model;

namespace AssetTrace.Benchmarks.Generation;

/// <summary>
/// A national-scale ownership graph, the same for the same node count and seed: about 35%
/// persons, 35% companies, 25% assets of every kind and 5% addresses, with roughly 2.6 edges
/// per node. Companies sit in ownership layers 0–10 (a layer-L company has an owner in layer
/// L−1), so a person reaches an asset through at most 12 OWNS links; about 1% of companies
/// take part in a cross-holding (a 2- or 3-cycle). Each company's current declared owners add
/// up to at most 100%; a few links carry only a range, a few have no known share, and a few are
/// historic (ended 2015) with the current owners in from 2016.
/// </summary>
public sealed class GraphGenerator
{
    public const int MaxCompanyLayer = 10;

    private static readonly DateOnly HistoricFrom = new(2005, 1, 1);
    private static readonly DateOnly HistoricTo = new(2015, 12, 31);
    private static readonly DateOnly CurrentFrom = new(2016, 1, 1);
    private static readonly string[] Currencies = ["KZT", "USD", "EUR", "RUB", "AED", "GBP"];
    private static readonly string[] Relationships = ["spouse", "parent", "sibling"];

    private readonly Random _random;
    private readonly List<GeneratedNode> _nodes = [];
    private readonly List<GeneratedEdge> _edges = [];
    private readonly Blocks _blocks;
    private int[] _layer = [];
    private List<int>[] _byLayer = [];
    private int[] _child = [];
    private decimal[] _cycleRoom = [];

    private GraphGenerator(int nodeCount, int seed)
    {
        _random = new Random(seed);
        _blocks = new Blocks(nodeCount);
    }

    public static GeneratedGraph Generate(int nodeCount, int seed)
    {
        if (nodeCount < 1_000)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount, "generate at least 1,000 nodes.");
        }
        var generator = new GraphGenerator(nodeCount, seed);
        generator.Run();
        return new GeneratedGraph(seed, generator._nodes, generator._edges);
    }

    private void Run()
    {
        AddPersons();
        AddCompanies();
        AddAddresses();
        AddAssets();
        AssignLayers();
        AddCompanyOwnership();
        AddCrossHoldings();
        AddAssetOwnership();
        AddAccounts();
        AddDirectors();
        AddRegistrations();
        AddFamilies();
        AddTransfers();
    }

    private void AddPersons()
    {
        for (var i = 0; i < _blocks.Persons.Count; i++)
        {
            var female = _random.Next(2) == 0;
            var first = Pick(female ? NamePools.FemaleFirst : NamePools.MaleFirst);
            var surname = Pick(NamePools.Surnames);
            if (female)
            {
                surname = NamePools.Feminine(surname);
            }
            var cyrillic = _random.Next(2) == 0 ? $"{surname} {first}" : $"{first} {surname}";
            var latin = NamePools.Latin($"{first} {surname}", _random.Next(5));
            var (name, alternate) = _random.Next(2) == 0 ? (cyrillic, latin) : (latin, cyrillic);
            _nodes.Add(new GeneratedNode(NodeKind.Person, name, _random.Next(2) == 0 ? alternate : null, null, null));
        }
    }

    private void AddCompanies()
    {
        for (var i = 0; i < _blocks.Companies.Count; i++)
        {
            var (form, country) = Pick(NamePools.LegalForms);
            var words = $"{Pick(NamePools.CompanyWords)} {Pick(NamePools.CompanyActivity)}";
            if (_random.Next(10) < 3)
            {
                words += $" {_random.Next(1, 1000)}";
            }
            var cyrillicForm = form is "ТОО" or "АО" or "ООО";
            var name = cyrillicForm ? $"{form} «{words}»" : $"{NamePools.Latin(words, _random.Next(5))} {form}";
            string? alternate = cyrillicForm && _random.Next(3) == 0 ? $"{NamePools.Latin(words, _random.Next(5))} {(form == "ТОО" ? "LLP" : "JSC")}" : null;
            _nodes.Add(new GeneratedNode(NodeKind.Company, name, alternate, country, null));
        }
    }

    private void AddAddresses()
    {
        for (var i = 0; i < _blocks.Addresses.Count; i++)
        {
            var city = Pick(NamePools.Cities);
            _nodes.Add(new GeneratedNode(NodeKind.Address, $"{Pick(NamePools.Streets)} {_random.Next(1, 300)}, {city}", null, CountryOf(city), null));
        }
    }

    private void AddAssets()
    {
        foreach (var (kind, block) in _blocks.Assets)
        {
            for (var i = 0; i < block.Count; i++)
            {
                var serial = _random.Next(100_000, 999_999);
                var (name, country, value) = kind switch
                {
                    NodeKind.RealEstate => ($"Пәтер {_random.Next(1, 200)}, {Pick(NamePools.Streets)} {_random.Next(1, 300)}, {Pick(NamePools.Cities)}", "KZ", _random.Next(50, 5_000) * 1_000m),
                    NodeKind.BankAccount => ($"KZ{serial}{_random.Next(1000, 9999)} at {Pick(NamePools.Banks)}", "KZ", _random.Next(1, 2_000) * 1_000m),
                    NodeKind.Vehicle => ($"{Pick(NamePools.Vehicles)} {_random.Next(2010, 2026)} ({serial} ABC)", "KZ", _random.Next(10, 300) * 1_000m),
                    NodeKind.Vessel => ($"MY {Pick(NamePools.VesselNames)} IMO {serial}", "MT", _random.Next(1, 80) * 1_000_000m),
                    NodeKind.Aircraft => ($"{Pick(NamePools.AircraftTypes)} M-{serial}", "IM", _random.Next(5, 70) * 1_000_000m),
                    NodeKind.Securities => ($"Shares of {Pick(NamePools.CompanyWords)} {Pick(NamePools.CompanyActivity)} PLC", "GB", _random.Next(10, 20_000) * 1_000m),
                    _ => ($"BTC wallet bc1q{serial}x{_random.Next(1000, 9999)}", (string?)null, _random.Next(1, 5_000) * 1_000m),
                };
                _nodes.Add(new GeneratedNode(kind, name, null, country, value));
            }
        }
    }

    /// <summary>Layer 0 for 45% of companies, then each further layer 55% as likely as the one before.</summary>
    private void AssignLayers()
    {
        var companies = _blocks.Companies;
        _layer = new int[companies.Count];
        _byLayer = [.. Enumerable.Range(0, MaxCompanyLayer + 1).Select(_ => new List<int>())];
        for (var i = 0; i < companies.Count; i++)
        {
            var layer = 0;
            while (layer < MaxCompanyLayer && _byLayer[layer].Count > 0 && _random.NextDouble() < 0.55)
            {
                layer++;
            }
            _layer[i] = layer;
            _byLayer[layer].Add(companies.Start + i);
        }
    }

    private void AddCompanyOwnership()
    {
        var companies = _blocks.Companies;
        _child = new int[companies.Count];
        _cycleRoom = new decimal[companies.Count];
        Array.Fill(_child, -1);
        foreach (var layerList in _byLayer)
        {
            foreach (var company in layerList)
            {
                var local = company - companies.Start;
                var layer = _layer[local];
                // About 1% of companies will be owned back by one they own: leave room for that share.
                var inCycle = layer < MaxCompanyLayer && _random.Next(100) == 0;
                var total = inCycle ? _random.Next(50, 81) : _random.Next(4) == 0 ? _random.Next(50, 100) : 100;
                var count = _random.Next(100) switch { < 35 => 1, < 65 => 2, < 85 => 3, _ => 4 };
                var owners = new List<int>(count);
                if (layer > 0)
                {
                    owners.Add(Pick(_byLayer[layer - 1]));
                }
                while (owners.Count < count)
                {
                    var owner = layer > 0 && _random.Next(10) < 3 ? Pick(_byLayer[_random.Next(layer)]) : OwnerPerson();
                    if (!owners.Contains(owner))
                    {
                        owners.Add(owner);
                    }
                }
                if (layer > 0)
                {
                    _child[owners[0] - companies.Start] = company;
                }
                var historic = _random.Next(25) == 0;
                var parts = Split(total, owners.Count);
                for (var i = 0; i < owners.Count; i++)
                {
                    AddOwnership(owners[i], company, parts[i], historic ? CurrentFrom : null, null);
                }
                if (historic)
                {
                    AddOwnership(OwnerPerson(), company, parts[0], HistoricFrom, HistoricTo);
                }
                _cycleRoom[local] = inCycle ? 100 - total : 0;
            }
        }
    }

    /// <summary>Cross-holdings: a company owned (directly or through one more) by the one it owns.</summary>
    private void AddCrossHoldings()
    {
        var companies = _blocks.Companies;
        for (var local = 0; local < companies.Count; local++)
        {
            if (_cycleRoom[local] == 0 || _child[local] < 0)
            {
                continue;
            }
            var owner = _child[local];
            var grandchild = _child[owner - companies.Start];
            if (grandchild >= 0 && _random.Next(3) == 0)
            {
                owner = grandchild;
            }
            AddOwnership(owner, companies.Start + local, (decimal)_random.Next(1, (int)_cycleRoom[local] * 100) / 100, null, null);
        }
    }

    private void AddAssetOwnership()
    {
        var companies = _blocks.Companies;
        foreach (var (kind, block) in _blocks.Assets)
        {
            if (kind is NodeKind.BankAccount or NodeKind.CryptoWallet)
            {
                continue;
            }
            for (var asset = block.Start; asset < block.End; asset++)
            {
                var count = _random.Next(5) == 0 ? 2 : 1;
                var total = _random.Next(10) == 0 ? _random.Next(50, 100) : 100;
                var parts = Split(total, count);
                var owners = new List<int>();
                while (owners.Count < count)
                {
                    var owner = _random.Next(10) switch
                    {
                        < 4 => OwnerPerson(),
                        // Some assets sit at the bottom of the deepest chains.
                        4 => Pick(_byLayer[_random.Next(Math.Min(6, LastLayer()), LastLayer() + 1)]),
                        _ => companies.Start + _random.Next(companies.Count),
                    };
                    if (!owners.Contains(owner))
                    {
                        owners.Add(owner);
                    }
                }
                for (var i = 0; i < count; i++)
                {
                    AddOwnership(owners[i], asset, parts[i], null, null);
                }
            }
        }
    }

    private void AddAccounts()
    {
        foreach (var (kind, block) in _blocks.Assets.Where(a => a.Kind is NodeKind.BankAccount or NodeKind.CryptoWallet))
        {
            for (var account = block.Start; account < block.End; account++)
            {
                var holder = _random.Next(2) == 0 ? OwnerPerson() : _blocks.Companies.Start + _random.Next(_blocks.Companies.Count);
                _edges.Add(new GeneratedEdge(EdgeKind.HoldsAccount, holder, account, null, null, null, null, "holder"));
                if (_random.Next(100) < 15)
                {
                    _edges.Add(new GeneratedEdge(EdgeKind.HoldsAccount, AnyPerson(), account, null, null, null, null, "signatory"));
                }
            }
        }
    }

    private void AddDirectors()
    {
        var companies = _blocks.Companies;
        for (var company = companies.Start; company < companies.End; company++)
        {
            if (_random.Next(100) < 4)
            {
                _edges.Add(new GeneratedEdge(EdgeKind.DirectorOf, Nominee(), company, null, null, null, null, "director", Nominee: true));
            }
            else
            {
                _edges.Add(new GeneratedEdge(EdgeKind.DirectorOf, AnyPerson(), company, null, null, null, null, "director"));
            }
            if (_random.Next(10) < 4)
            {
                _edges.Add(new GeneratedEdge(EdgeKind.DirectorOf, AnyPerson(), company, null, null, null, null, "director"));
            }
        }
        // Half of the professional nominees are known to act for someone.
        for (var nominee = _blocks.NomineeStart; nominee < _blocks.Persons.End; nominee += 2)
        {
            _edges.Add(new GeneratedEdge(EdgeKind.NomineeFor, nominee, HubPerson(), null, null, null, null));
        }
    }

    private void AddRegistrations()
    {
        var addresses = _blocks.Addresses;
        var massAddresses = Math.Max(3, addresses.Count / 2_500);
        for (var company = _blocks.Companies.Start; company < _blocks.Companies.End; company++)
        {
            var address = _random.Next(100) < 3 ? addresses.Start + _random.Next(massAddresses) : addresses.Start + massAddresses + _random.Next(addresses.Count - massAddresses);
            _edges.Add(new GeneratedEdge(EdgeKind.RegisteredAt, company, address, null, null, null, null));
        }
        for (var person = _blocks.Persons.Start; person < _blocks.Persons.End; person++)
        {
            if (_random.Next(10) < 3)
            {
                _edges.Add(new GeneratedEdge(EdgeKind.RegisteredAt, person, addresses.Start + massAddresses + _random.Next(addresses.Count - massAddresses), null, null, null, null));
            }
        }
    }

    private void AddFamilies()
    {
        var persons = _blocks.Persons;
        for (var person = persons.Start; person < persons.End - 1; person++)
        {
            foreach (var relationship in Relationships)
            {
                var chance = relationship switch { "spouse" => 30, "parent" => 30, _ => 15 };
                if (_random.Next(100) < chance)
                {
                    var other = relationship == "spouse" ? person + 1 : persons.Start + _random.Next(persons.Count);
                    if (other != person)
                    {
                        _edges.Add(new GeneratedEdge(EdgeKind.FamilyOf, person, other, null, null, null, null, relationship));
                    }
                }
            }
        }
    }

    private void AddTransfers()
    {
        var accounts = _blocks.Assets.Single(a => a.Kind == NodeKind.BankAccount).Block;
        var count = (int)(_blocks.Total * 0.32);
        for (var i = 0; i < count; i++)
        {
            int Party() => _random.Next(10) < 6 ? accounts.Start + _random.Next(accounts.Count)
                : _random.Next(2) == 0 ? AnyPerson() : _blocks.Companies.Start + _random.Next(_blocks.Companies.Count);
            var from = Party();
            var to = Party();
            if (from == to)
            {
                continue;
            }
            var date = new DateOnly(2015, 1, 1).AddDays(_random.Next(11 * 365));
            _edges.Add(new GeneratedEdge(EdgeKind.TransferredTo, from, to, null, null, null, null, Pick(Currencies), _random.Next(1, 5_000) * 1_000m, date));
        }
    }

    /// <summary>Exact shares mostly; 6% only a range (up to the exact figure), 4% unknown.</summary>
    private void AddOwnership(int owner, int owned, decimal share, DateOnly? from, DateOnly? to)
    {
        var kind = _random.Next(100);
        var (low, high) = kind switch
        {
            < 90 => (share, share),
            < 96 => (Math.Round(share * _random.Next(40, 95) / 100, 2), share),
            _ => ((decimal?)null, (decimal?)null),
        };
        _edges.Add(new GeneratedEdge(EdgeKind.Owns, owner, owned, low, high, from, to));
    }

    /// <summary>Shares in percent, two decimals, that add up to exactly <paramref name="total"/>.</summary>
    private decimal[] Split(int total, int count)
    {
        var weights = Enumerable.Range(0, count).Select(_ => _random.Next(1, 11)).ToArray();
        var sum = weights.Sum();
        var parts = new decimal[count];
        var left = (decimal)total;
        for (var i = 0; i < count - 1; i++)
        {
            parts[i] = Math.Max(0.01m, Math.Round((decimal)total * weights[i] / sum, 2));
            left -= parts[i];
        }
        parts[^1] = left;
        return parts;
    }

    private int LastLayer() => Array.FindLastIndex(_byLayer, l => l.Count > 0);

    /// <summary>Owners: one in six ownership links goes to the 1% of persons who own much.</summary>
    private int OwnerPerson() => _random.Next(6) == 0 ? HubPerson() : AnyPerson();

    private int HubPerson() => _blocks.Persons.Start + _random.Next(Math.Max(1, _blocks.Persons.Count / 100));

    private int AnyPerson() => _blocks.Persons.Start + _random.Next(_blocks.NomineeStart - _blocks.Persons.Start);

    private int Nominee() => _blocks.NomineeStart + _random.Next(_blocks.Persons.End - _blocks.NomineeStart);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string CountryOf(string city) => city switch
    {
        "Москва" => "RU",
        "Лимасол" => "CY",
        "Дубай" => "AE",
        "Лондон" => "GB",
        "Road Town" => "VG",
        _ => "KZ",
    };

    /// <summary>A range of node indexes holding one kind.</summary>
    public readonly record struct Block(int Start, int Count)
    {
        public int End => Start + Count;
    }

    /// <summary>How the node count divides into kinds, in index order.</summary>
    private sealed class Blocks
    {
        public Blocks(int total)
        {
            Total = total;
            var next = 0;
            Block Take(double fraction)
            {
                var block = new Block(next, (int)(total * fraction));
                next += block.Count;
                return block;
            }
            Persons = Take(0.35);
            Companies = Take(0.35);
            Addresses = Take(0.05);
            Assets =
            [
                (NodeKind.BankAccount, Take(0.07)),
                (NodeKind.Vehicle, Take(0.04)),
                (NodeKind.Securities, Take(0.02)),
                (NodeKind.CryptoWallet, Take(0.018)),
                (NodeKind.Vessel, Take(0.008)),
                (NodeKind.Aircraft, Take(0.004)),
                (NodeKind.RealEstate, new Block(next, total - next)),
            ];
            // The last persons are professional nominees: about one per 1,750 persons, each directing many companies.
            NomineeStart = Persons.End - Math.Max(5, Persons.Count / 1_750);
        }

        public int Total { get; }

        public Block Persons { get; }

        public Block Companies { get; }

        public Block Addresses { get; }

        public (NodeKind Kind, Block Block)[] Assets { get; }

        public int NomineeStart { get; }
    }
}
