using Marsad.Domain.Events;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>The words that say an event happened, with the ACLED sub-type each implies.</summary>
public static class TriggerLexicon
{
    public static PhraseMatcher<Trigger> Matcher { get; } = Build();

    private static PhraseMatcher<Trigger> Build()
    {
        var e = new List<KeyValuePair<string, Trigger>>();
        void Add(TriggerClass c, AcledSubEventType? t, string[] tags, params string[] words)
        {
            var trigger = new Trigger(c, t, tags);
            foreach (var w in words)
            {
                e.Add(new(w, trigger));
            }
        }

        var s = AcledSubEventType.ArmedClash;
        Add(TriggerClass.Territory, null, [], "regained control", "took control", "took over", "seized control", "gained control", "captured the", "recaptured", "retook", "regained", "taking control", "seized", "advanced into", "took full control", "managed to control", "control over", "took back", "captured", "established control", "established full control", "gained full control", "regained full control", "advanced to control", "following the withdrawal", "after the withdrawal", "imposed control", "expelled");
        Add(TriggerClass.Clash, s, [], "clashes", "clashed", "clash", "fighting", "fought", "battles", "battle", "exchange of fire", "exchanged fire", "exchange of targeting", "exchanged gunfire", "skirmishes", "confrontations", "gunfight", "firefight", "engagements", "infiltration attempt", "infiltration", "infiltrated", "repelled", "ambushed", "ambush", "offensive", "counterattack", "counter-attack", "assault", "storm", "stormed", "exchanged shelling", "exchange of shelling", "shelling exchange", "exchanged artillery", "exchange of artillery", "exchanged rocket", "battled", "confronted", "air defenses intercepted", "air defences intercepted", "air defense intercepted");
        Add(TriggerClass.Violence, null, [], "attacked", "attack", "attacks", "opened fire", "shot", "shooting", "targeted", "targeting", "gunfire", "fired at", "fired on", "assassinated", "assassination", "stabbed", "killed", "killing");
        Add(TriggerClass.Remote, AcledSubEventType.AirDroneStrike, ["airstrike"], "airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids", "airstrike on", "warplanes", "warplane", "jets", "fighter jets", "bombed", "aerial bombardment", "helicopter", "helicopters", "barrel bombs", "barrel bomb");
        Add(TriggerClass.Remote, AcledSubEventType.AirDroneStrike, ["drone"], "drone strike", "drone strikes", "drone", "drones", "UAV", "kamikaze drone", "suicide drone");
        Add(TriggerClass.Remote, AcledSubEventType.ShellingArtilleryMissileAttack, [], "shelled", "shelling", "artillery", "rockets", "rocket", "missiles", "missile", "mortar", "mortars", "bombardment", "bombarded", "shells", "projectiles", "launched shells", "surface-to-surface");
        Add(TriggerClass.Remote, AcledSubEventType.RemoteExplosiveLandmineIed, [], "IED", "IEDs", "explosive device", "explosive devices", "landmine", "landmines", "land mine", "mine", "car bomb", "VBIED", "booby-trapped", "booby trapped", "explosion", "exploded", "detonated", "blast", "motorcycle bomb");
        Add(TriggerClass.Remote, AcledSubEventType.SuicideBomb, [], "suicide bomber", "suicide attack", "SVBIED", "suicide bombing", "blew himself up", "suicide car bomb", "suicide operative");
        Add(TriggerClass.Remote, AcledSubEventType.Grenade, [], "grenade", "grenades", "hand grenade");
        Add(TriggerClass.Remote, AcledSubEventType.ChemicalWeapon, [], "chemical weapons", "chemical attack", "chlorine", "sarin", "toxic gas");
        Add(TriggerClass.CivilianHarm, AcledSubEventType.AbductionForcedDisappearance, [], "abducted", "kidnapped", "abduction", "kidnapping", "abducting", "kidnap", "forcibly disappeared");
        Add(TriggerClass.CivilianHarm, AcledSubEventType.SexualViolence, [], "raped", "rape", "sexual violence", "sexually assaulted");
        Add(TriggerClass.CivilianHarm, AcledSubEventType.Attack, [], "executed", "execution", "tortured", "beat", "beaten", "assaulted");
        Add(TriggerClass.Protest, AcledSubEventType.PeacefulProtest, [], "protest", "protests", "protested", "demonstration", "demonstrations", "demonstrated", "protesters", "sit-in", "rally", "vigil", "strike action");
        Add(TriggerClass.Riot, AcledSubEventType.ViolentDemonstration, [], "rioted", "riot", "riots", "burned tires", "burnt tires", "stormed the building");
        Add(TriggerClass.Strategic, AcledSubEventType.Arrests, [], "arrested", "arrest", "arrests", "arresting", "detained", "detaining", "detention campaign", "security operation", "security operations", "raid", "raids", "crackdown", "crackdowns", "security campaign", "arrest campaign", "round-up");
        Add(TriggerClass.Strategic, AcledSubEventType.ChangeToGroupActivity, ["convoy"], "reinforcement", "reinforcements", "convoy", "convoys", "batch", "batches", "military reinforcement", "entered", "entry of");
        Add(TriggerClass.Strategic, AcledSubEventType.ChangeToGroupActivity, ["patrol"], "patrol", "patrols", "movement of forces");
        Add(TriggerClass.Strategic, AcledSubEventType.Other, ["exercise"], "exercises", "exercise", "military drills", "drills", "manoeuvres", "maneuvers");
        Add(TriggerClass.Strategic, AcledSubEventType.Other, ["prisoner transfer"], "transports ISIS prisoners", "transported prisoners", "transfer of prisoners", "transfers prisoners", "transports prisoners", "transport of ISIS prisoners", "transfer of ISIS prisoners", "prisoner exchange", "prisoner swap");
        Add(TriggerClass.Strategic, AcledSubEventType.Agreement, [], "agreement", "ceasefire", "truce", "reconciliation deal", "settlement agreement", "signed a deal");
        Add(TriggerClass.Strategic, AcledSubEventType.LootingPropertyDestruction, [], "looted", "looting", "demolished", "bulldozed", "set fire to", "burned houses", "confiscated", "seized property");
        Add(TriggerClass.Strategic, AcledSubEventType.DisruptedWeaponsUse, [], "shot down", "intercepted", "defused", "dismantled", "downed",
            "controlled detonation", "controlled explosion", "detonation of mines", "detonation of landmines", "detonation of land mines", "detonation of some mines",
            "detonation of some land mines", "detonation of some landmines", "detonating mines", "detonating landmines", "detonated mines", "detonated landmines", "detonation of explosives");
        Add(TriggerClass.Strategic, AcledSubEventType.HeadquartersOrBaseEstablished, [], "established a base", "set up a base", "new base", "established a new base", "established a military point", "set up a military point");
        Add(TriggerClass.Strategic, AcledSubEventType.NonViolentTransferOfTerritory, [], "handed over", "withdrew from", "withdrawal from", "pulled out of", "evacuated from");
        return new PhraseMatcher<Trigger>(e);
    }
}
