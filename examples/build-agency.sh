#!/usr/bin/env bash
# Builds examples/agency with casework itself, so the sample repository is
# always what the tool writes and always valid. Each step runs at its own
# date through CASEWORK_NOW, so the cases have realistic histories.
#
#   bash examples/build-agency.sh bin/casework examples/agency
set -euo pipefail
bin=$(realpath "$1")
dir=$2
rm -rf "$dir"
# The sample lives inside casework's own git repository: --nested.
"$bin" init "$dir" --agency 'Northside Family Services' --nested -q
# The contacts every client's care plan gives (crisis_contact,
# complaints_contact in .casework.yaml).
sed -i.orig -e 's|^crisis_contact: ""|crisis_contact: "0161 555 0111 (day and night)"|' \
  -e 's|^complaints_contact: ""|complaints_contact: "complaints@northside-fs.example"|' "$dir/.casework.yaml"
rm "$dir/.casework.yaml.orig"

now=2026-01-02T09:00:00Z
as=w-sue
at() { now=$1; }
cw() { CASEWORK_NOW=$now CASEWORK_USER=$as "$bin" --dir "$dir" -q "$@"; }

# Workers: a multidisciplinary team. The supervisor, who acts below
# (CASEWORK_USER=w-sue), is added first: the first worker bootstraps the
# repository, and each later one is added by a worker.
cw worker add w-sue --name 'Sue Grant' --role supervisor --fte 1 --team north --phone '0161 555 0125' --email sue.grant@northside-fs.example
cw worker add w-ana --name 'Ana Ruiz' --role nurse --fte 0.8 --team north --phone '0161 555 0121' --email ana.ruiz@northside-fs.example
cw worker add w-ben --name 'Ben Okafor' --role social-worker --fte 1 --team north --phone '0161 555 0122' --email ben.okafor@northside-fs.example
cw worker add w-chloe --name 'Chloe Martin' --role psychologist --fte 0.5 --team south --phone '0161 555 0123' --email chloe.martin@northside-fs.example
cw worker add w-dev --name 'Dev Patel' --role educator --fte 1 --team south --phone '0161 555 0124' --email dev.patel@northside-fs.example

# Community resources and services, with their cost.
cw resource add food-bank --name 'Northside Food Bank' --category food --provider 'Northside Churches Together' --contact '0161 555 0140' --eligibility 'referral from a caseworker'
cw resource add housing-advice --name 'Housing advice and tenancy rescue' --category housing --provider 'Shelter North' --contact 'advice@shelter-north.example'
cw resource add after-school --name 'After-school club' --category child_care --provider 'Riverside Primary' --cost 60 --per child-month
cw resource add counselling --name 'Short-term counselling' --category mental_health --provider 'MindWell' --cost 45 --per session --min-age 14 --eligibility 'adults and young people from 14'
cw resource add home-care --name 'Home care visits' --category health --provider 'CareFirst' --cost 22.5 --per hour --eligibility 'over 65 or disabled'
cw resource add transport --name 'Community transport' --category mobility --provider 'Northside Dial-a-Ride' --cost 12 --per trip

# 1. Maria Lopez: the whole cycle, now in monitoring, review overdue.
as=w-ana; at 2026-01-05T09:30:00Z
c1=C-2026-7K3QX9M2AB
cw case new --id $c1 --client 'Maria Lopez' --dob 1984-05-01 --worker w-ana --referral-source school --referral-date 2026-01-05 --referral-reason 'children often absent; the family has an eviction notice' >/dev/null
cw case set $c1 client.phone=07700-900123 client.language=es client.address='14 Mill Lane, Northside'
cw consent $c1 give --purpose services
cw note $c1 'First visit at home. Maria was anxious about the eviction letter but keen to talk. Two children, 8 and 11.' --kind visit >/dev/null
cw member add $c1 --name 'Leo Lopez' --relationship son --dob 2014-09-02 --lives-with --role child >/dev/null
cw member add $c1 --name 'Sara Lopez' --relationship daughter --dob 2017-04-19 --lives-with --role child >/dev/null
cw network add $c1 --name 'Carmen Lopez' --relationship sister --provides childcare --provides emotional --strength strong >/dev/null
cw network add $c1 --name 'Mrs Okoro' --relationship 'head of year' --kind professional --organisation 'Riverside Primary' --strength moderate >/dev/null
cw network add $c1 --name 'Dr Shah' --relationship GP --kind professional --organisation 'Mill Lane Surgery' --contact '0161 555 0199' >/dev/null
cw risk $c1 --level low --reason 'No safeguarding concerns at the first home visit' >/dev/null
at 2026-01-13T10:00:00Z
cw case move $c1 assessment --reason 'rapport established, consent given'
cw assess $c1 --strength 'Devoted to her two children' --strength 'Worked as a cook for eight years' --score housing=1,income=2,employment=2,food=2,child_care=3,children_education=2,family_social=3,mental_health=3 --network low --reason 'Carmen works nights and can help only at weekends' --need 'housing:high:Eviction notice for the end of February' --need 'income:high:No benefits claimed since losing her job' --need 'children_education:medium:Both children miss school most Mondays' >/dev/null
cw assess $c1 --member M1 --instrument cans --score school=2,emotional=1,family_functioning=2,social_functioning=1 --strength 'Loves drawing and football' --need 'school:high:Misses school most Mondays to look after his sister' >/dev/null
at 2026-01-15T11:00:00Z
cw case move $c1 planning --reason 'assessment complete'
cw plan budget $c1 1500
cw plan goal add $c1 'Keep the family in their home' --domain housing --target 2026-06-30 >/dev/null
cw plan goal add $c1 'A steady income from benefits, then work' --domain income --target 2026-09-30 >/dev/null
cw plan goal add $c1 'Children at school every day' --domain children_education --target 2026-07-15 >/dev/null
cw plan action add $c1 --goal G1 'Negotiate a repayment plan with the landlord' --resource housing-advice --responsible w-ana --due 2026-02-10 >/dev/null
cw plan action add $c1 --goal G1 'Food parcels weekly until benefits arrive' --resource food-bank --responsible provider --start 2026-01-21 --end 2026-03-31 >/dev/null
cw plan action add $c1 --goal G2 'Apply for housing benefit and universal credit' --responsible client --due 2026-02-01 >/dev/null
cw plan action add $c1 --goal G3 'After-school club for both children' --resource after-school --responsible provider --units 12 --frequency 'monthly, two places' --start 2026-02-02 --end 2026-07-17 >/dev/null
at 2026-01-20T14:00:00Z
cw plan agree $c1 --by client
cw consent $c1 give --purpose share --with housing-advice --with food-bank --with after-school
as=w-sue; cw approve $c1 plan --note 'Costs within the quarter budget'; as=w-ana
# Referrals, each with its letter (kept out of the sample) and its course.
cw refer $c1 --action A1 >/dev/null
cw refer $c1 --action A2 >/dev/null
cw refer $c1 --action A4 >/dev/null
at 2026-01-21T09:00:00Z
cw referral $c1 --action A1 --status accepted
cw referral $c1 --action A2 --status accepted
cw referral $c1 --action A2 --status started
cw referral $c1 --action A4 --status waitlisted --reason 'Places free from February'
cw case move $c1 implementation --reason 'plan agreed and approved'
at 2026-01-27T11:00:00Z
cw referral $c1 --action A4 --status accepted
at 2026-02-02T09:00:00Z
cw referral $c1 --action A4 --status started
at 2026-02-12T16:00:00Z
cw note $c1 'Landlord accepted a repayment plan of 40 a week. Eviction suspended.' --kind call >/dev/null
at 2026-03-02T10:00:00Z
cw case move $c1 monitoring --reason 'services in place'
cw review $c1 --goal G1=in-progress --goal G2=in-progress --action A1=done --action A3=done --action A2=active --action A4=active --note 'Repayment plan holding; benefit claim in progress.' --next 2026-04-01
cw spend $c1 --action A4 --amount 120 --note 'February, two places'
at 2026-04-01T10:00:00Z
cw referral $c1 --action A2 --status ended --at 2026-03-31T17:00:00Z
cw review $c1 --goal G2=achieved --goal G3=in-progress --action A2=done --note 'Universal credit paid from March. Children attended 19 of 20 days.' --next 2026-05-04
cw spend $c1 --action A4 --amount 120 --note 'March, two places'
at 2026-05-04T10:00:00Z
cw spend $c1 --action A4 --amount 120 --note 'April, two places'
cw referral $c1 --action A4 --status ended --reason 'The school funds both places from May'
cw review $c1 --goal G3=achieved --action A4=done --note 'Attendance good; the school now funds both club places. Maria has a job interview at a school kitchen.' --next 2026-06-05

# 2. Tom Berg: a new hospital referral, in intake.
as=w-ben; at 2026-06-10T09:00:00Z
c2=C-2026-4T9WBN2QZE
cw case new --id $c2 --client 'Tom Berg' --dob 1950-07-04 --worker w-ben --model brokerage --referral-source hospital --referral-date 2026-06-09 --referral-reason 'discharge planning after a fall' >/dev/null
cw note $c2 'Called the ward. Discharge expected on Friday; lives alone, stairs at home.' --kind call >/dev/null

# 3. Aisha Khan: in assessment.
as=w-ana; at 2026-05-25T09:00:00Z
c3=C-2026-8HX2M5RA3D
cw case new --id $c3 --client 'Aisha Khan' --dob 1991-11-23 --worker w-ana --referral-source self --referral-date 2026-05-24 >/dev/null
at 2026-06-01T09:00:00Z
cw case move $c3 assessment --reason 'first meeting held'
cw note $c3 'Met at the family centre. Wants help with debts and with her son’s school placement.' --kind meeting >/dev/null

# 4. Jonas Weber: planning, goals set but not yet agreed.
as=w-ben; at 2026-04-20T09:00:00Z
c4=C-2026-2PJ6V0YC9S
cw case new --id $c4 --client 'Jonas Weber' --dob 2011-02-14 --worker w-ben --referral-source school --referral-date 2026-04-17 --referral-reason 'exclusion risk' >/dev/null
at 2026-05-04T09:00:00Z
cw case move $c4 assessment
cw risk $c4 --level medium --flag exploitation --reason 'Seen with older youths dealing near the school gates' --safety-plan 'Learning mentor checks in daily; mother knows who to call' >/dev/null
cw assess $c4 --instrument cans --score school=3,family_functioning=2,emotional=2,behavioral=2,risk_behaviors=1,substance_use=0 --network medium --strength 'Loves football and coaches the under-10s' --need 'school:high:Two fixed-term exclusions this term' >/dev/null
at 2026-05-11T09:00:00Z
cw case move $c4 planning
cw plan goal add $c4 'Stay in mainstream school' --domain school --target 2026-12-18 >/dev/null
cw plan action add $c4 --goal G1 'Weekly mentoring with the school’s learning mentor' --responsible w-ben --due 2026-06-30 >/dev/null

# 5. Li Wei: implementation, counselling package.
as=w-chloe; at 2026-03-09T09:00:00Z
c5=C-2026-9NQ4T7KD1F
cw case new --id $c5 --client 'Li Wei' --dob 1978-08-30 --worker w-chloe --model case-monitoring --referral-source GP --referral-date 2026-03-06 --referral-reason 'low mood after bereavement' >/dev/null
at 2026-03-16T09:00:00Z
cw case move $c5 assessment
cw assess $c5 --score mental_health=2,family_social=2,employment=4,income=4,housing=5 --network medium --strength 'Stable job and home' --strength 'Close friends from his choir' --need 'mental_health:high:Grief and poor sleep since March' >/dev/null
at 2026-03-18T09:00:00Z
cw case move $c5 planning
cw plan goal add $c5 'Sleep and mood back to how they were' --domain mental_health --target 2026-08-31 >/dev/null
cw plan action add $c5 --goal G1 'Eight sessions of bereavement counselling' --resource counselling --responsible provider --cost 360 --start 2026-03-23 --end 2026-07-15 >/dev/null
cw plan agree $c5 --by client
cw consent $c5 give --purpose services
cw consent $c5 give --purpose share --with counselling
cw refer $c5 --action A1 >/dev/null
at 2026-03-20T09:00:00Z
cw referral $c5 --action A1 --status declined --reason 'No bereavement counsellor free before June'
cw case move $c5 implementation
at 2026-06-01T09:00:00Z
cw refer $c5 --action A1 >/dev/null

# 6. Fatima Noor: monitoring, review overdue since May.
as=w-dev; at 2026-02-02T09:00:00Z
c6=C-2026-5RZ8G3WE6H
cw case new --id $c6 --client 'Fatima Noor' --dob 1996-04-09 --worker w-dev --referral-source 'housing association' --referral-date 2026-01-30 >/dev/null
at 2026-02-09T09:00:00Z
cw case move $c6 assessment
cw assess $c6 --score housing=3,income=2,employment=1,adult_education=2,child_care=2 --network high --strength 'Finished a level 2 English course' --need 'employment:high:Has not worked since arriving in 2024' >/dev/null
at 2026-02-11T09:00:00Z
cw case move $c6 planning
cw plan goal add $c6 'Part-time work by the autumn' --domain employment --target 2026-10-31 >/dev/null
cw plan action add $c6 --goal G1 'Enrol in the college return-to-work course' --responsible client --due 2026-03-15 >/dev/null
cw plan action add $c6 --goal G1 'After-school club on course days' --resource after-school --responsible provider --cost 360 --start 2026-03-02 --end 2026-06-12 >/dev/null
cw plan agree $c6 --by client
cw consent $c6 give --purpose services
cw consent $c6 give --purpose share --with after-school
at 2026-02-16T09:00:00Z
cw case move $c6 implementation
at 2026-04-20T09:00:00Z
cw case move $c6 monitoring
cw review $c6 --goal G1=in-progress --action A1=done --action A2=active --note 'Course going well.' --next 2026-05-20

# 7. Peter Novak: closed with goals met; follow-up due in July.
as=w-ana; at 2026-01-12T09:00:00Z
c7=C-2026-3MC7K2XP8V
cw case new --id $c7 --client 'Peter Novak' --dob 1947-12-01 --worker w-ana --referral-source 'adult social care' --referral-date 2026-01-09 >/dev/null
at 2026-01-19T09:00:00Z
cw case move $c7 assessment
cw assess $c7 --score mobility=2,health_coverage=4,family_social=2,safety=3,food=3,housing=4 --network low --strength 'Fiercely independent' --need 'mobility:high:Cannot manage the bus to the day centre since his hip operation' >/dev/null
at 2026-01-21T09:00:00Z
cw case move $c7 planning
cw plan goal add $c7 'Get to the day centre twice a week' --domain mobility --target 2026-04-30 >/dev/null
cw plan action add $c7 --goal G1 'Community transport twice a week' --resource transport --responsible provider --cost 576 --start 2026-01-26 --end 2026-04-30 >/dev/null
cw plan agree $c7 --by client
cw consent $c7 give --purpose services
cw consent $c7 give --purpose share --with transport
at 2026-01-23T09:00:00Z
cw case move $c7 implementation
at 2026-03-02T09:00:00Z
cw case move $c7 monitoring
cw review $c7 --goal G1=achieved --action A1=done --note 'Attends the day centre on Tuesdays and Fridays.' --next 2026-04-30
at 2026-04-29T09:00:00Z
cw assess $c7 --score mobility=4,health_coverage=4,family_social=3,safety=4,food=3,housing=4 --network medium --strength 'Made friends at the day centre' >/dev/null
at 2026-04-30T09:00:00Z
cw case close $c7 --reason goals-met --evaluation 'Goal met: independent travel to the day centre with community transport.' --follow-up 2026-07-31

# 8. Grace Mensah: closed from intake, moved away.
as=w-ben; at 2026-02-16T09:00:00Z
c8=C-2026-6DF1H9QB4N
cw case new --id $c8 --client 'Grace Mensah' --dob 1988-03-17 --worker w-ben --referral-source police --referral-date 2026-02-15 >/dev/null
at 2026-02-20T09:00:00Z
cw note $c8 'Grace has moved to her sister in Leeds; referred on to Leeds City Council with her consent.' --kind call >/dev/null
cw case close $c8 --reason moved-away --evaluation 'Referred on to the local authority where she now lives.'

# 9. Sofia Rossi: closed, then reopened for re-assessment.
as=w-chloe; at 2026-02-23T09:00:00Z
c9=C-2026-1YB5N8VM2T
cw case new --id $c9 --client 'Sofia Rossi' --dob 2008-09-05 --worker w-chloe --referral-source school --referral-date 2026-02-20 --referral-reason 'self-harm disclosed to a teacher' >/dev/null
at 2026-03-15T09:00:00Z
cw case close $c9 --reason client-withdrew --evaluation 'Sofia did not want support at this time; school nurse informed.'
at 2026-05-10T09:00:00Z
cw case reopen $c9 --reason 'school re-referred after a new disclosure'
cw risk $c9 --level high --flag self-harm --reason 'New disclosure of self-harm to the school nurse' --safety-plan 'Daily check-in with the school nurse; crisis line 116 123 and A&E out of hours; mother removes blades from the home' >/dev/null
cw assess $c9 --instrument cans --score emotional=3,risk_behaviors=2,family_functioning=1,school=1 --network medium --strength 'Talks openly with the school nurse' --need 'emotional:high:Self-harm in the last month' >/dev/null

# 10. Omar Haddad: a young person whose mother acts for him; monitoring.
as=w-dev; at 2026-02-04T09:00:00Z
c10=C-2026-0GW3R6TJ5K
cw case new --id $c10 --client 'Omar Haddad' --dob 2012-06-21 --worker w-dev --referral-source 'youth service' --referral-date 2026-02-03 >/dev/null
cw case set $c10 client.representative.name='Nadia Haddad' client.representative.relationship=mother
cw consent $c10 give --purpose services --by representative --basis 'parental responsibility'
at 2026-02-10T09:00:00Z
cw case move $c10 assessment
cw assess $c10 --instrument cans --score school=2,social_functioning=2,emotional=1,living_situation=0 --network high --strength 'Talented artist' --need 'social_functioning:medium:Few friends since moving school' >/dev/null
at 2026-02-12T09:00:00Z
cw case move $c10 planning
cw plan goal add $c10 'Make friends at the new school' --domain social_functioning --target 2026-07-15 >/dev/null
cw plan action add $c10 --goal G1 'Join the after-school art club' --resource after-school --responsible provider --cost 300 --start 2026-03-02 --end 2026-07-15 >/dev/null
cw risk $c10 --level low >/dev/null
cw plan agree $c10 --by representative
cw consent $c10 give --purpose share --with after-school --by representative --basis 'parental responsibility'
at 2026-02-13T09:00:00Z
cw case move $c10 implementation
at 2026-04-13T09:00:00Z
cw case move $c10 monitoring
cw review $c10 --goal G1=in-progress --action A1=active --note 'Goes to art club every week; two new friends.' --next 2026-06-29

# 11. Eva Lind: a brand-new brokerage referral.
as=w-ana; at 2026-06-12T09:00:00Z
c11=C-2026-7VS9C4ZA8P
cw case new --id $c11 --client 'Eva Lind' --dob 1939-01-30 --worker w-ana --model brokerage --referral-source GP --referral-date 2026-06-11 --referral-reason 'struggling to cope at home' >/dev/null

# 12. Daniel Kim: reassigned when his worker's caseload grew; implementation.
as=w-ben; at 2026-03-02T09:00:00Z
c12=C-2026-4KE2P7HN0R
cw case new --id $c12 --client 'Daniel Kim' --dob 1999-10-12 --worker w-ben --referral-source probation --referral-date 2026-02-27 >/dev/null
at 2026-03-09T09:00:00Z
cw case move $c12 assessment
cw assess $c12 --score housing=2,employment=2,legal=2,substance_use=3,life_skills=3 --network low --strength 'Two years sober' --need 'housing:high:Sofa-surfing since release' >/dev/null
at 2026-03-12T09:00:00Z
cw case move $c12 planning
cw plan goal add $c12 'A tenancy of his own' --domain housing --target 2026-09-30 >/dev/null
cw plan action add $c12 --goal G1 'Housing register and tenancy-ready course' --resource housing-advice --responsible w-ben --due 2026-04-30 >/dev/null
cw plan agree $c12 --by client
cw consent $c12 give --purpose services
cw consent $c12 give --purpose share --with housing-advice --until 2026-12-31
at 2026-03-16T09:00:00Z
cw case move $c12 implementation
as=w-sue; at 2026-04-01T09:00:00Z
cw case assign $c12 w-dev --reason 'rebalancing: Ben over the new-referrals limit'

# Re-assessments: the Self-Sufficiency Matrix again after three to five
# months, so that the care plans and `casework report outcomes` show how
# each client's situation changed (Peter's is above, before his closure).
as=w-ana; at 2026-06-05T10:00:00Z
cw assess $c1 --score housing=3,income=4,employment=3,food=3,child_care=3,children_education=4,family_social=4,mental_health=4 --network medium --strength 'Job offer at a school kitchen' >/dev/null
as=w-dev; at 2026-06-01T09:00:00Z
cw assess $c6 --score housing=3,income=3,employment=2,adult_education=3,child_care=3 --network high --strength 'Passed the first module of the return-to-work course' >/dev/null
at 2026-06-03T09:00:00Z
cw assess $c12 --score housing=3,employment=2,legal=3,substance_use=4,life_skills=3 --network low --strength 'Completed the tenancy-ready course' >/dev/null
as=w-chloe; at 2026-06-08T09:00:00Z
cw assess $c5 --score mental_health=3,family_social=3,employment=4,income=4,housing=5 --network medium >/dev/null

echo "built $dir: $(ls "$dir/cases" | wc -l) cases" >&2
