//! Synthetic models for benchmarks: N actors, 3N services, 8N flows and 2N agreements (14N
//! items), with realistic shares of actor types, resources, data categories, legal bases, money
//! bases and amounts, `requires` and acyclic `depends_on`, and a few hub companies that receive
//! from many actors (so that group-by rules have something to count).
//!
//! The same model is written as a `.lsm` file ([`Generated::to_lsm`]) and as the JSON form a
//! general policy engine reads ([`Generated::to_json`]); the benchmark rule pack is written as
//! YAML and, rule for rule, as Rego ([`pack`]). Everything is text, deterministic from the seed: a
//! tiny PRNG of our own, no `rand`.
//!
//! This crate is a workspace member used only by rammelab's tests and benchmarks (as a
//! dev-dependency) and by its own `rammelab-gen` binary; nothing of it is in the product. It does
//! not depend on rammelab: whoever wants a model parses the text (the benchmarks through
//! rammelab's facade, `rammelab::Workspace::parse_model`), so the generator cannot build a model
//! the parser would not. `tests/through_the_facade.rs` holds the two together.

pub mod pack;
mod write;

/// The kind of a generated item: the keyword that opens it in a `.lsm` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The `model` block (the header).
    Model,
    Actor,
    Service,
    Flow,
    Agreement,
}

impl Kind {
    /// The English keyword of the kind.
    pub fn keyword(self) -> &'static str {
        match self {
            Kind::Model => "model",
            Kind::Actor => "actor",
            Kind::Service => "service",
            Kind::Flow => "flow",
            Kind::Agreement => "agreement",
        }
    }
}

/// A small, fast, deterministic PRNG (splitmix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// One of `choices`, weighted.
    pub fn weighted<T: Copy>(&mut self, choices: &[(T, u32)]) -> T {
        let total: u32 = choices.iter().map(|c| c.1).sum();
        let mut x = self.below(total as usize) as u32;
        for &(v, w) in choices {
            if x < w {
                return v;
            }
            x -= w;
        }
        choices[choices.len() - 1].0
    }

    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

/// A value as the generator writes it; terms and field names are the vocabulary's English ids.
#[derive(Debug, Clone, PartialEq)]
pub enum GVal {
    Term(&'static str),
    Terms(Vec<&'static str>),
    /// Index into [`Generated::items`].
    Ref(u32),
    Refs(Vec<u32>),
    Str(String),
    Int(i64),
    Bool(bool),
    /// A whole amount with a unit and an optional period (`1_200_000 NOK per year`).
    Qty {
        value: i64,
        unit: &'static str,
        per: Option<&'static str>,
    },
    Date(&'static str),
}

/// One generated item.
#[derive(Debug, Clone, PartialEq)]
pub struct GItem {
    pub kind: Kind,
    pub id: String,
    pub name: Option<String>,
    /// A flow's `from -> to` or an agreement's parties, as indexes into the items.
    pub ends: Option<(u32, u32)>,
    pub fields: Vec<(&'static str, GVal)>,
}

impl GItem {
    pub fn get(&self, field: &str) -> Option<&GVal> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v)
    }

    fn term(&self, field: &str) -> Option<&'static str> {
        match self.get(field) {
            Some(GVal::Term(t)) => Some(t),
            _ => None,
        }
    }
}

/// A generated model: the header (the `model` block) and the items in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    pub header: GItem,
    pub items: Vec<GItem>,
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub actors: usize,
    pub seed: u64,
}

impl Spec {
    pub fn new(actors: usize, seed: u64) -> Spec {
        Spec { actors, seed }
    }
}

const ACTOR_TYPES: &[(&str, u32)] = &[
    ("municipality", 10),
    ("county", 2),
    ("state_agency", 3),
    ("health_trust", 2),
    ("state_owned_company", 3),
    ("private_company", 30),
    ("ideal_organisation", 10),
    ("volunteer_organisation", 20),
    ("social_enterprise", 5),
    ("inter_municipal_company", 5),
    ("residents", 10),
];

const DOMAINS: &[(&str, u32)] = &[
    ("health_care", 15),
    ("public_health", 15),
    ("child_welfare", 6),
    ("early_childhood", 6),
    ("education", 10),
    ("employment", 8),
    ("social_services", 12),
    ("civil_protection", 4),
    ("culture", 10),
    ("transport", 6),
    ("housing", 5),
    ("citizen_services", 3),
];

const ACTIVITIES: &[&str] = &[
    "health_information",
    "loneliness_prevention",
    "volunteer_recruitment",
    "home_visits",
    "health_care_tasks",
    "case_decisions",
    "work_training",
    "mentoring",
    "home_follow_up",
    "parent_support",
    "meeting_place",
    "leisure_activities",
    "transport_service",
    "practical_help",
    "coordination",
    "digital_assistance",
];

const RESOURCES: &[(&str, u32)] = &[
    ("money", 25),
    ("personal_data", 25),
    ("staff", 5),
    ("volunteer_hours", 15),
    ("information", 10),
    ("premises", 10),
    ("transport", 5),
    ("equipment", 5),
];

const DATA: &[(&str, u32)] = &[
    ("name", 30),
    ("address", 20),
    ("age", 15),
    ("contact", 20),
    ("national_id", 8),
    ("health", 12),
    ("social_security", 4),
    ("income", 4),
    ("child_welfare", 3),
    ("education_record", 4),
    ("ethnicity", 1),
];

const LEGAL_BASES: &[(&str, u32)] = &[
    ("consent", 30),
    ("public_task", 40),
    ("legal_obligation", 15),
    ("contract", 8),
    ("vital_interest", 2),
    ("none", 5),
];

const MONEY_BASES: &[(&str, u32)] = &[
    ("block_grant", 8),
    ("earmarked_grant", 10),
    ("grant", 15),
    ("contract", 20),
    ("direct_award", 15),
    ("in_house", 10),
    ("public_cooperation", 4),
    ("donation", 5),
    ("user_fee", 5),
    ("honorarium", 3),
    ("reserved_contract", 5),
];

const DATES: &[&str] = &[
    "2019-03-01",
    "2021-06-15",
    "2023-01-01",
    "2024-09-30",
    "2026-02-01",
];

fn prefix(actor_type: &str) -> (&'static str, &'static str) {
    match actor_type {
        "municipality" => ("kommune", "Kommune"),
        "county" => ("fylke", "Fylkeskommune"),
        "state_agency" => ("etat", "Statlig etat"),
        "health_trust" => ("hf", "Helseforetak"),
        "state_owned_company" => ("statsselskap", "Statsselskap"),
        "private_company" => ("firma", "Firma"),
        "ideal_organisation" => ("ideell", "Ideell stiftelse"),
        "volunteer_organisation" => ("frivillig", "Frivillighetslag"),
        "social_enterprise" => ("sosent", "Sosialt entreprenørskap"),
        "inter_municipal_company" => ("iks", "Interkommunalt selskap"),
        _ => ("innbyggere", "Innbyggere"),
    }
}

const PLACES: &[&str] = &[
    "Bø", "Ås", "Å", "Ørsta", "Tromsø", "Bodø", "Hå", "Øyer", "Voss", "Lom",
];

/// Generates a model from a spec.
pub fn generate(spec: Spec) -> Generated {
    let mut g = Gen {
        rng: Rng::new(spec.seed),
        items: Vec::new(),
    };
    let n = spec.actors.max(1);
    let actors = g.actors(n);
    let services = g.services(n, &actors);
    let flows = g.flows(n, &actors, &services);
    let agreements = g.agreements(n, &flows);
    g.requirements(&services, &flows, &agreements);
    let header = GItem {
        kind: Kind::Model,
        id: String::new(),
        name: Some(format!("Syntetisk modell med {n} aktører")),
        ends: None,
        fields: vec![
            ("challenge", GVal::Term("demography")),
            ("municipality", GVal::Str("Syntetisk".into())),
            ("horizon", GVal::Int(2030)),
        ],
    };
    Generated {
        header,
        items: g.items,
    }
}

struct Gen {
    rng: Rng,
    items: Vec<GItem>,
}

/// Actor indexes by type, for picking ends.
struct Actors {
    all: Vec<u32>,
    municipalities: Vec<u32>,
    public: Vec<u32>,
    companies: Vec<u32>,
    hubs: Vec<u32>,
    residents: Vec<u32>,
}

impl Gen {
    fn push(&mut self, item: GItem) -> u32 {
        self.items.push(item);
        (self.items.len() - 1) as u32
    }

    fn actors(&mut self, n: usize) -> Actors {
        let mut a = Actors {
            all: Vec::with_capacity(n),
            municipalities: Vec::new(),
            public: Vec::new(),
            companies: Vec::new(),
            hubs: Vec::new(),
            residents: Vec::new(),
        };
        // The first actors cover every type, so that small models still have each.
        let types: Vec<&'static str> = (0..n)
            .map(|i| match ACTOR_TYPES.get(i) {
                Some((t, _)) => *t,
                None => self.rng.weighted(ACTOR_TYPES),
            })
            .collect();
        for (i, &t) in types.iter().enumerate() {
            let (pre, label) = prefix(t);
            let place = PLACES[i % PLACES.len()];
            let mut fields = vec![("type", GVal::Term(t))];
            let r = &mut self.rng;
            match t {
                "volunteer_organisation" | "ideal_organisation" | "social_enterprise" => {
                    let mut regs = Vec::new();
                    if r.chance(0.7) {
                        regs.push("frivillighetsregisteret");
                    }
                    if r.chance(0.4) {
                        regs.push("enhetsregisteret");
                    }
                    if !regs.is_empty() {
                        fields.push(("registered_in", GVal::Terms(regs)));
                    }
                }
                "private_company" | "state_owned_company" => {
                    if r.chance(0.5) {
                        fields.push((
                            "registered_in",
                            GVal::Terms(vec!["enhetsregisteret", "merverdiavgiftsregisteret"]),
                        ));
                    }
                    if r.chance(0.2) {
                        fields.push(("authorisations", GVal::Terms(vec!["health_personnel"])));
                    }
                }
                "municipality" | "health_trust" => {
                    fields.push((
                        "authorisations",
                        GVal::Terms(vec!["health_personnel", "police_certificate"]),
                    ));
                }
                _ => {}
            }
            let owners_from = &a.municipalities;
            if !owners_from.is_empty() {
                let r = &mut self.rng;
                if t == "inter_municipal_company" {
                    let k = 2 + r.below(3);
                    let owners = distinct(r, owners_from, k);
                    fields.push(("cooperation_form", GVal::Term("iks")));
                    fields.push(("owned_by", GVal::Refs(owners)));
                } else if t == "volunteer_organisation" && r.chance(0.05) {
                    fields.push(("owned_by", GVal::Refs(vec![r.pick(owners_from)])));
                }
            }
            if self.rng.chance(0.1) {
                fields.push((
                    "summary",
                    GVal::Str(format!(
                        "{label} nummer {i} i {place}, med «anførsel» og æøå."
                    )),
                ));
            }
            let id = self.push(GItem {
                kind: Kind::Actor,
                id: format!("{pre}_{i}"),
                name: Some(format!("{label} {i} {place}")),
                ends: None,
                fields,
            });
            a.all.push(id);
            match t {
                "municipality" => {
                    a.municipalities.push(id);
                    a.public.push(id);
                }
                "county" | "state_agency" | "health_trust" => a.public.push(id),
                "private_company" => {
                    a.companies.push(id);
                    // One company in a hundred is a hub that receives from many.
                    if a.companies.len() % 100 == 1 {
                        a.hubs.push(id);
                    }
                }
                "residents" => a.residents.push(id),
                _ => {}
            }
        }
        a
    }

    fn services(&mut self, n: usize, actors: &Actors) -> Vec<u32> {
        let mut out = Vec::with_capacity(3 * n);
        for j in 0..3 * n {
            let r = &mut self.rng;
            let domain = r.weighted(DOMAINS);
            let provider = if r.chance(0.4) && !actors.public.is_empty() {
                r.pick(&actors.public)
            } else {
                r.pick(&actors.all)
            };
            let mut fields = vec![
                ("domain", GVal::Term(domain)),
                ("provider", GVal::Ref(provider)),
            ];
            if !actors.residents.is_empty() && r.chance(0.7) {
                fields.push(("recipients", GVal::Refs(vec![r.pick(&actors.residents)])));
            }
            let k = 1 + r.below(3);
            let acts = distinct(r, ACTIVITIES, k);
            fields.push(("activities", GVal::Terms(acts)));
            if r.chance(0.6) {
                fields.push(("statutory", GVal::Bool(r.chance(0.5))));
            }
            if r.chance(0.4) {
                fields.push((
                    "reach",
                    GVal::Qty {
                        value: 10 * (1 + r.below(200)) as i64,
                        unit: "persons",
                        per: None,
                    },
                ));
            }
            if j > 0 && r.chance(0.3) {
                // Only earlier services: `depends_on` stays acyclic.
                let k = 1 + r.below(2);
                let deps: Vec<u32> = (0..k).map(|_| out[r.below(out.len())]).collect();
                let mut deps = dedup(deps);
                deps.sort_unstable();
                fields.push(("depends_on", GVal::Refs(deps)));
            }
            let id = self.push(GItem {
                kind: Kind::Service,
                id: format!("tjeneste_{j}"),
                name: Some(format!("Tjeneste {j}")),
                ends: None,
                fields,
            });
            out.push(id);
        }
        out
    }

    fn flows(&mut self, n: usize, actors: &Actors, services: &[u32]) -> Vec<u32> {
        let mut out = Vec::with_capacity(8 * n);
        for k in 0..8 * n {
            let r = &mut self.rng;
            let resource = r.weighted(RESOURCES);
            let from = if r.chance(0.35) && !actors.municipalities.is_empty() {
                r.pick(&actors.municipalities)
            } else if r.chance(0.2) && !actors.public.is_empty() {
                r.pick(&actors.public)
            } else {
                r.pick(&actors.all)
            };
            let to_service = match resource {
                "volunteer_hours" => r.chance(0.7),
                "money" | "staff" | "premises" => r.chance(0.15),
                _ => false,
            };
            let mut to = if to_service {
                r.pick(services)
            } else if r.chance(0.25) && !actors.hubs.is_empty() {
                r.pick(&actors.hubs)
            } else if r.chance(0.3) && !actors.companies.is_empty() {
                r.pick(&actors.companies)
            } else {
                r.pick(&actors.all)
            };
            if to == from {
                // Actors are the first items, so the next actor is the next index.
                to = (from + 1) % actors.all.len() as u32;
            }
            let mut fields = vec![("resource", GVal::Term(resource))];
            match resource {
                "money" => money(r, &mut fields),
                "personal_data" => {
                    let k = 1 + r.below(4);
                    let cats: Vec<&'static str> = (0..k).map(|_| r.weighted(DATA)).collect();
                    fields.push(("data", GVal::Terms(dedup(cats))));
                    if r.chance(0.85) {
                        fields.push(("legal_basis", GVal::Term(r.weighted(LEGAL_BASES))));
                    }
                    if r.chance(0.1) {
                        fields.push(("large_scale", GVal::Bool(true)));
                    }
                }
                "volunteer_hours" | "staff" => fields.push((
                    "amount",
                    GVal::Qty {
                        value: 50 * (1 + r.below(100)) as i64,
                        unit: "hours",
                        per: Some("year"),
                    },
                )),
                "premises" if r.chance(0.3) => fields.push((
                    "market_value",
                    GVal::Qty {
                        value: 10_000 * (1 + r.below(50)) as i64,
                        unit: "NOK",
                        per: Some("year"),
                    },
                )),
                _ => {}
            }
            if r.chance(0.25) {
                fields.push((
                    "purpose",
                    GVal::Str(format!("Formål for flyt {k}: «samarbeid» på tvers")),
                ));
            }
            let id = self.push(GItem {
                kind: Kind::Flow,
                id: format!("flyt_{k}"),
                name: None,
                ends: Some((from, to)),
                fields,
            });
            out.push(id);
        }
        out
    }

    fn agreements(&mut self, n: usize, flows: &[u32]) -> Vec<u32> {
        let personal: Vec<u32> = flows
            .iter()
            .copied()
            .filter(|&f| self.items[f as usize].term("resource") == Some("personal_data"))
            .collect();
        let mut out = Vec::with_capacity(2 * n);
        for g in 0..2 * n {
            let r = &mut self.rng;
            let flow = if r.chance(0.6) && !personal.is_empty() {
                r.pick(&personal)
            } else {
                r.pick(flows)
            };
            let fi = &self.items[flow as usize];
            let Some((a, mut b)) = fi.ends else { continue };
            if self.items[b as usize].kind == Kind::Service {
                if let Some(GVal::Ref(p)) = self.items[b as usize].get("provider") {
                    b = *p;
                }
            }
            let kind = match fi.term("resource") {
                Some("personal_data") => {
                    r.weighted(&[("data_processing", 6), ("data_sharing", 3), ("consent", 1)])
                }
                Some("money") => {
                    r.weighted(&[("contract", 7), ("partnership", 2), ("inter_municipal", 1)])
                }
                _ => r.weighted(&[("partnership", 5), ("contract", 3), ("inter_municipal", 2)]),
            };
            let mut fields = vec![("kind", GVal::Term(kind))];
            if r.chance(0.5) {
                fields.push(("covers", GVal::Refs(vec![flow])));
            }
            if r.chance(0.4) {
                fields.push(("signed", GVal::Date(r.pick(DATES))));
            }
            let id = self.push(GItem {
                kind: Kind::Agreement,
                id: format!("avtale_{g}"),
                name: None,
                ends: Some((a, b)),
                fields,
            });
            out.push(id);
        }
        out
    }

    /// `requires` of each service: flows into it, flows its provider receives, and sometimes
    /// an agreement.
    fn requirements(&mut self, services: &[u32], flows: &[u32], agreements: &[u32]) {
        let mut into: Vec<Vec<u32>> = vec![Vec::new(); self.items.len()];
        for &f in flows {
            if let Some((_, to)) = self.items[f as usize].ends {
                into[to as usize].push(f);
            }
        }
        for &s in services {
            let r = &mut self.rng;
            let mut req: Vec<u32> = into[s as usize].iter().copied().take(3).collect();
            if let Some(GVal::Ref(p)) = self.items[s as usize].get("provider") {
                let inflows = &into[*p as usize];
                if !inflows.is_empty() && r.chance(0.6) {
                    req.push(r.pick(inflows));
                }
            }
            if !agreements.is_empty() && r.chance(0.15) {
                req.push(r.pick(agreements));
            }
            let req = dedup(req);
            if !req.is_empty() {
                let fields = &mut self.items[s as usize].fields;
                let at = fields
                    .iter()
                    .position(|(f, _)| *f == "depends_on")
                    .unwrap_or(fields.len());
                fields.insert(at, ("requires", GVal::Refs(req)));
            }
        }
    }
}

fn money(r: &mut Rng, fields: &mut Vec<(&'static str, GVal)>) {
    // Log-uniform from 10 000 to about 20 M, rounded to thousands.
    let exp = 4.0 + 3.3 * (r.below(1000) as f64 / 1000.0);
    let value = ((10f64.powf(exp) / 1000.0).round() as i64).max(1) * 1000;
    let per = r.weighted(&[(Some("year"), 6), (Some("month"), 1), (None, 3)]);
    let value = match per {
        Some("month") => (value / 12_000).max(1) * 1000,
        _ => value,
    };
    fields.push((
        "amount",
        GVal::Qty {
            value,
            unit: "NOK",
            per,
        },
    ));
    if per.is_some() && r.chance(0.6) {
        let d = if r.chance(0.85) {
            GVal::Qty {
                value: 1 + r.below(6) as i64,
                unit: "years",
                per: None,
            }
        } else {
            GVal::Qty {
                value: 6 * (1 + r.below(4)) as i64,
                unit: "months",
                per: None,
            }
        };
        fields.push(("duration", d));
    }
    if r.chance(0.9) {
        fields.push(("basis", GVal::Term(r.weighted(MONEY_BASES))));
    }
}

/// `k` distinct elements of `xs` (fewer when `xs` is shorter), in the order drawn.
fn distinct<T: Copy + PartialEq>(r: &mut Rng, xs: &[T], k: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(k);
    for _ in 0..k * 4 {
        if out.len() >= k.min(xs.len()) {
            break;
        }
        let x = r.pick(xs);
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

fn dedup<T: PartialEq>(xs: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(xs.len());
    for x in xs {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_sized() {
        let a = generate(Spec::new(50, 7));
        let b = generate(Spec::new(50, 7));
        assert_eq!(a, b);
        let count = |k: Kind| a.items.iter().filter(|i| i.kind == k).count();
        assert_eq!(count(Kind::Actor), 50);
        assert_eq!(count(Kind::Service), 150);
        assert_eq!(count(Kind::Flow), 400);
        assert_eq!(count(Kind::Agreement), 100);
        assert_ne!(a, generate(Spec::new(50, 8)));
    }

    #[test]
    fn depends_on_points_backwards() {
        let g = generate(Spec::new(100, 1));
        for (i, item) in g.items.iter().enumerate() {
            if let Some(GVal::Refs(deps)) = item.get("depends_on") {
                assert!(deps.iter().all(|&d| (d as usize) < i));
            }
        }
    }
}
