/* Reads a calendar file with libical and prints what it found, one "KEY value" a line:
   parse and iTIP restriction errors (X-LIC-ERROR), METHOD, UID, SEQUENCE, STATUS, ORGANIZER,
   each ATTENDEE, the VTIMEZONE's TZID and DTSTART/DTEND turned into UTC through that zone. */
#include <stdio.h>
#include <stdlib.h>
#include <libical/ical.h>

static void errors(icalcomponent *c) {
    for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
        printf("ERROR %s\n", icalproperty_get_xlicerror(p));
    for (icalcomponent *k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
         k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        errors(k);
}

static void utc(const char *key, icalcomponent *cal, icalproperty *p) {
    if (!p) return;
    struct icaltimetype t = icalproperty_get_datetime_with_component(p, cal);
    t = icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
    printf("%s %s\n", key, icaltime_as_ical_string(t));
}

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 2;
    static char text[1 << 20];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    icalcomponent *cal = icalparser_parse_string(text);
    if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
        printf("ERROR not a VCALENDAR\n");
        return 1;
    }
    printf("RESTRICTIONS %s\n", icalrestriction_check(cal) ? "ok" : "failed");
    errors(cal);
    printf("METHOD %s\n", icalenum_method_to_string(icalcomponent_get_method(cal)));
    icalcomponent *zone = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
    if (zone) {
        icaltimezone *tz = icaltimezone_new();
        if (icaltimezone_set_component(tz, icalcomponent_new_clone(zone)))
            printf("VTIMEZONE %s\n", icaltimezone_get_tzid(tz));
        icaltimezone_free(tz, 1);
    }
    icalcomponent *event = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
    if (!event) return 1;
    printf("UID %s\n", icalcomponent_get_uid(event));
    icalproperty *seq = icalcomponent_get_first_property(event, ICAL_SEQUENCE_PROPERTY);
    printf("SEQUENCE %d\n", seq ? icalproperty_get_sequence(seq) : -1);
    icalproperty *status = icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY);
    if (status) printf("STATUS %s\n", icalproperty_status_to_string(icalproperty_get_status(status)));
    icalproperty *org = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY);
    if (org) printf("ORGANIZER %s\n", icalproperty_get_organizer(org));
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)) {
        icalparameter *role = icalproperty_get_first_parameter(p, ICAL_ROLE_PARAMETER);
        printf("ATTENDEE %s %s\n", role ? icalparameter_get_xvalue(role)
                                           ? icalparameter_get_xvalue(role)
                                           : icalparameter_enum_to_string(icalparameter_get_role(role))
                                        : "-",
               icalproperty_get_attendee(p));
    }
    utc("DTSTART", cal, icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY));
    utc("DTEND", cal, icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY));
    icalcomponent_free(cal);
    return 0;
}
