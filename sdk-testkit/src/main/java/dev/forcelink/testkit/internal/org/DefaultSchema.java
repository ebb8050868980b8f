package dev.forcelink.testkit.internal.org;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema every emulated org starts with: Account, Contact, Lead, Opportunity, Case, Order and User with their
 * common fields, {@code External_ERP_Id__c} on Account and Contact, and the platform event
 * {@code Order_Event__e}. Stateless.
 */
public final class DefaultSchema {

    private static final String[] INDUSTRIES = {"Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals",
        "Communications", "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
        "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality",
        "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Recreation", "Retail", "Shipping",
        "Technology", "Telecommunications", "Transportation", "Utilities", "Other"};
    private static final String[] LEAD_SOURCES = {"Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"};
    private static final String[] STAGES = {"Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
        "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won",
        "Closed Lost"};

    private DefaultSchema() {
    }

    /**
     * Builds the default schema.
     *
     * @return a new schema holding the default objects
     */
    public static OrgSchema create() {
        OrgSchema schema = new OrgSchema();
        schema.define(standard("Account", "Account", "Accounts", "001", account()));
        schema.define(standard("Contact", "Contact", "Contacts", "003", contact()));
        schema.define(standard("Lead", "Lead", "Leads", "00Q", lead()));
        schema.define(standard("Opportunity", "Opportunity", "Opportunities", "006", opportunity()));
        schema.define(standard("Case", "Case", "Cases", "500", caseFields()));
        schema.define(standard("Order", "Order", "Orders", "801", order()));
        schema.define(userObject());
        schema.declarePlatformEvent("Order_Event__e", "Order Event", List.of(
                FieldDef.builder("Opportunity_Id__c", FieldType.STRING).label("Opportunity Id").length(18).build(),
                FieldDef.builder("Amount__c", FieldType.DOUBLE).label("Amount").precision(18, 2).build(),
                FieldDef.builder("Status__c", FieldType.STRING).label("Status").build()));
        return schema;
    }

    private static SObjectDef standard(String name, String label, String plural, String prefix, List<FieldDef> own) {
        List<FieldDef> all = new ArrayList<>();
        all.add(SystemFields.id());
        all.add(SystemFields.owner());
        all.addAll(own);
        all.addAll(SystemFields.audit());
        return new SObjectDef(name, label, plural, prefix, ObjectKind.STANDARD, all);
    }

    private static FieldDef text(String name, int length) {
        return FieldDef.builder(name, FieldType.STRING).label(spaced(name)).length(length).build();
    }

    private static FieldDef typed(String name, FieldType type) {
        return FieldDef.builder(name, type).label(spaced(name)).build();
    }

    private static FieldDef picklist(String name, String... values) {
        return FieldDef.builder(name, FieldType.PICKLIST).label(spaced(name)).length(255).picklist(values).build();
    }

    private static FieldDef lookup(String name, String relationship, String childRelationship, boolean cascade,
                                   String target) {
        return FieldDef.builder(name, FieldType.REFERENCE).label(spaced(relationship) + " ID")
                .references(relationship, childRelationship, target).cascadeDelete(cascade).build();
    }

    private static FieldDef externalErpId() {
        return FieldDef.builder("External_ERP_Id__c", FieldType.STRING).label("External ERP Id").length(255)
                .externalId(true).unique(true).build();
    }

    private static List<FieldDef> address(String prefix) {
        return List.of(
                FieldDef.builder(prefix + "Street", FieldType.TEXTAREA).label(spaced(prefix) + " Street").length(255).build(),
                text(prefix + "City", 40), text(prefix + "State", 80), text(prefix + "PostalCode", 20),
                text(prefix + "Country", 80));
    }

    private static FieldDef fullName(int length) {
        return FieldDef.builder("Name", FieldType.STRING).label("Full Name").length(length).nameField(true)
                .calculated().nillable(false).build();
    }

    private static List<FieldDef> account() {
        List<FieldDef> f = new ArrayList<>();
        f.add(FieldDef.builder("Name", FieldType.STRING).label("Account Name").length(255).nameField(true)
                .required().build());
        f.add(picklist("Type", "Prospect", "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller",
                "Installation Partner", "Technology Partner", "Other"));
        f.add(lookup("ParentId", "Parent", "ChildAccounts", false, "Account"));
        f.addAll(address("Billing"));
        f.addAll(address("Shipping"));
        f.add(FieldDef.builder("Phone", FieldType.PHONE).label("Account Phone").build());
        f.add(FieldDef.builder("Fax", FieldType.PHONE).label("Account Fax").build());
        f.add(text("AccountNumber", 40));
        f.add(FieldDef.builder("Website", FieldType.URL).build());
        f.add(picklist("Industry", INDUSTRIES));
        f.add(FieldDef.builder("AnnualRevenue", FieldType.CURRENCY).label("Annual Revenue").precision(18, 0).build());
        f.add(FieldDef.builder("NumberOfEmployees", FieldType.INT).label("Employees").precision(8, 0).build());
        f.add(picklist("Rating", "Hot", "Warm", "Cold"));
        f.add(FieldDef.builder("Description", FieldType.TEXTAREA).label("Account Description").build());
        f.add(externalErpId());
        return f;
    }

    private static List<FieldDef> contact() {
        List<FieldDef> f = new ArrayList<>();
        f.add(lookup("AccountId", "Account", "Contacts", true, "Account"));
        f.add(picklist("Salutation", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof."));
        f.add(text("FirstName", 40));
        f.add(FieldDef.builder("LastName", FieldType.STRING).label("Last Name").length(80).required().build());
        f.add(fullName(121));
        f.add(FieldDef.builder("Email", FieldType.EMAIL).build());
        f.add(FieldDef.builder("Phone", FieldType.PHONE).label("Business Phone").build());
        f.add(FieldDef.builder("MobilePhone", FieldType.PHONE).label("Mobile Phone").build());
        f.add(text("Title", 128));
        f.add(text("Department", 80));
        f.addAll(address("Mailing"));
        f.add(typed("Birthdate", FieldType.DATE));
        f.add(picklist("LeadSource", LEAD_SOURCES));
        f.add(FieldDef.builder("Description", FieldType.TEXTAREA).label("Contact Description").build());
        f.add(externalErpId());
        return f;
    }

    private static List<FieldDef> lead() {
        List<FieldDef> f = new ArrayList<>();
        f.add(text("FirstName", 40));
        f.add(FieldDef.builder("LastName", FieldType.STRING).label("Last Name").length(80).required().build());
        f.add(fullName(121));
        f.add(FieldDef.builder("Company", FieldType.STRING).length(255).required().build());
        f.add(text("Title", 128));
        f.add(FieldDef.builder("Email", FieldType.EMAIL).build());
        f.add(FieldDef.builder("Phone", FieldType.PHONE).build());
        f.add(FieldDef.builder("Status", FieldType.PICKLIST).label("Lead Status").required()
                .picklist("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted")
                .defaultValue("Open - Not Contacted").build());
        f.add(picklist("LeadSource", LEAD_SOURCES));
        f.add(picklist("Industry", INDUSTRIES));
        f.add(picklist("Rating", "Hot", "Warm", "Cold"));
        f.add(FieldDef.builder("Street", FieldType.TEXTAREA).length(255).build());
        f.add(text("City", 40));
        f.add(text("State", 80));
        f.add(text("PostalCode", 20));
        f.add(text("Country", 80));
        f.add(FieldDef.builder("AnnualRevenue", FieldType.CURRENCY).label("Annual Revenue").precision(18, 0).build());
        f.add(FieldDef.builder("NumberOfEmployees", FieldType.INT).label("Employees").precision(8, 0).build());
        f.add(FieldDef.builder("IsConverted", FieldType.BOOLEAN).label("Converted").readOnly().nillable(false)
                .defaultValue(Boolean.FALSE).build());
        f.add(FieldDef.builder("Description", FieldType.TEXTAREA).build());
        return f;
    }

    private static List<FieldDef> opportunity() {
        List<FieldDef> f = new ArrayList<>();
        f.add(lookup("AccountId", "Account", "Opportunities", true, "Account"));
        f.add(FieldDef.builder("Name", FieldType.STRING).label("Name").length(120).nameField(true).required().build());
        f.add(FieldDef.builder("StageName", FieldType.PICKLIST).label("Stage").required().picklist(STAGES).build());
        f.add(FieldDef.builder("CloseDate", FieldType.DATE).label("Close Date").required().build());
        f.add(FieldDef.builder("Amount", FieldType.CURRENCY).precision(16, 2).build());
        f.add(FieldDef.builder("Probability", FieldType.PERCENT).label("Probability (%)").precision(3, 0).build());
        f.add(picklist("Type", "Existing Customer - Upgrade", "Existing Customer - Replacement",
                "Existing Customer - Downgrade", "New Customer"));
        f.add(picklist("LeadSource", LEAD_SOURCES));
        f.add(text("NextStep", 255));
        f.add(FieldDef.builder("Description", FieldType.TEXTAREA).build());
        f.add(FieldDef.builder("IsClosed", FieldType.BOOLEAN).label("Closed").calculated().nillable(false).build());
        f.add(FieldDef.builder("IsWon", FieldType.BOOLEAN).label("Won").calculated().nillable(false).build());
        return f;
    }

    private static List<FieldDef> caseFields() {
        List<FieldDef> f = new ArrayList<>();
        f.add(FieldDef.builder("CaseNumber", FieldType.STRING).label("Case Number").length(30).nameField(true)
                .autoNumber().build());
        f.add(lookup("AccountId", "Account", "Cases", true, "Account"));
        f.add(lookup("ContactId", "Contact", "Cases", false, "Contact"));
        f.add(text("Subject", 255));
        f.add(FieldDef.builder("Description", FieldType.TEXTAREA).build());
        f.add(FieldDef.builder("Status", FieldType.PICKLIST).picklist("New", "Working", "Escalated", "Closed")
                .defaultValue("New").build());
        f.add(FieldDef.builder("Priority", FieldType.PICKLIST).picklist("High", "Medium", "Low")
                .defaultValue("Medium").build());
        f.add(picklist("Origin", "Phone", "Email", "Web"));
        f.add(picklist("Type", "Mechanical", "Electrical", "Electronic", "Structural", "Other"));
        f.add(picklist("Reason", "Installation", "Equipment Complexity", "Performance", "Breakdown",
                "Equipment Design", "Feedback", "Other"));
        f.add(FieldDef.builder("SuppliedEmail", FieldType.EMAIL).label("Web Email").build());
        f.add(text("SuppliedName", 80));
        f.add(FieldDef.builder("IsClosed", FieldType.BOOLEAN).label("Closed").calculated().nillable(false).build());
        return f;
    }

    private static List<FieldDef> order() {
        List<FieldDef> f = new ArrayList<>();
        f.add(FieldDef.builder("AccountId", FieldType.REFERENCE).label("Account ID").required()
                .references("Account", "Orders", "Account").build());
        f.add(text("Name", 80));
        f.add(FieldDef.builder("OrderNumber", FieldType.STRING).label("Order Number").length(30).nameField(true)
                .autoNumber().build());
        f.add(FieldDef.builder("EffectiveDate", FieldType.DATE).label("Order Start Date").required().build());
        f.add(FieldDef.builder("EndDate", FieldType.DATE).label("Order End Date").build());
        f.add(FieldDef.builder("Status", FieldType.PICKLIST).required().picklist("Draft", "Activated")
                .defaultValue("Draft").build());
        f.add(picklist("Type", "New", "Renewal", "Upgrade"));
        f.add(text("PoNumber", 80));
        f.add(FieldDef.builder("TotalAmount", FieldType.CURRENCY).label("Order Amount").precision(18, 2)
                .calculated().build());
        f.addAll(address("Billing"));
        f.add(FieldDef.builder("Description", FieldType.TEXTAREA).build());
        return f;
    }

    private static SObjectDef userObject() {
        List<FieldDef> f = new ArrayList<>();
        f.add(SystemFields.id());
        f.add(FieldDef.builder("Username", FieldType.STRING).length(80).required().unique(true).idLookup(true).build());
        f.add(text("FirstName", 40));
        f.add(FieldDef.builder("LastName", FieldType.STRING).label("Last Name").length(80).required().build());
        f.add(fullName(121));
        f.add(FieldDef.builder("Alias", FieldType.STRING).length(8).required().build());
        f.add(FieldDef.builder("Email", FieldType.EMAIL).length(128).required().build());
        f.add(FieldDef.builder("IsActive", FieldType.BOOLEAN).label("Active").nillable(false)
                .defaultValue(Boolean.TRUE).build());
        f.add(text("CompanyName", 80));
        f.add(text("Title", 80));
        f.add(text("Department", 80));
        f.add(FieldDef.builder("Phone", FieldType.PHONE).build());
        f.add(FieldDef.builder("TimeZoneSidKey", FieldType.PICKLIST).label("Time Zone").required()
                .picklist("America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Paris", "GMT")
                .defaultValue("America/Los_Angeles").build());
        f.add(FieldDef.builder("LocaleSidKey", FieldType.PICKLIST).label("Locale").required()
                .picklist("en_US", "en_GB", "fr_FR", "de_DE").defaultValue("en_US").build());
        f.add(FieldDef.builder("LanguageLocaleKey", FieldType.PICKLIST).label("Language").required()
                .picklist("en_US", "fr", "de").defaultValue("en_US").build());
        f.add(FieldDef.builder("EmailEncodingKey", FieldType.PICKLIST).label("Email Encoding").required()
                .picklist("UTF-8", "ISO-8859-1").defaultValue("UTF-8").build());
        f.add(FieldDef.builder("ProfileId", FieldType.REFERENCE).label("Profile ID")
                .references("Profile", null, "Profile").build());
        f.add(FieldDef.builder("UserType", FieldType.PICKLIST).label("User Type").picklist("Standard")
                .defaultValue("Standard").readOnly().build());
        f.addAll(SystemFields.audit());
        return new SObjectDef("User", "User", "Users", "005", ObjectKind.STANDARD, f);
    }

    private static String spaced(String apiName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < apiName.length(); i++) {
            char c = apiName.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(apiName.charAt(i - 1))) {
                out.append(' ');
            }
            out.append(c);
        }
        return out.toString();
    }
}
