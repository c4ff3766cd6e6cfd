-- ardesk schema snapshot; migrations: {"accounts.0001_initial": "3a9408354a9be33cd5d24cd34a5011c03d815c3046e0320c5397199b621ab5e5", "accounts.0002_roles": "48a791f7642ddf5b41ca007097b62adb0a3685bd252aef500020a8b8aa502532", "accounts.0003_labels": "d61a32b3c437dd29458b9aecf998c92e134bada7a8497c7ce880948f58044589", "accounts.0004_token_expiry": "9108cbbd00c41156ea74fe5a26a1a17cf1bdb89fef809ba2e7d6e7fc9cdacebd", "admin.0001_initial": "f4716989d9815b6231f0d7291754835e008c96818447fe57984bbf8985883335", "admin.0002_logentry_remove_auto_add": "2c127e659a2236edea0ed57eccd38786ae84e365790a80b96b758c617f50be43", "admin.0003_logentry_add_action_flag_choices": "02700a827190720e5c417495a395071b6baa28a34e74bc8f90824afaafc01841", "audit.0001_initial": "d05f59a8fe1d2ab682175bc26bee3a80b96c06699e92a302badd7030244cb055", "auth.0001_initial": "845cff319606332f49ef20ce165d1a17e522c426c5e56d7616133e9e4eaba5ef", "auth.0002_alter_permission_name_max_length": "feaf97e0e8f7d148bec3db9bab2349c5e15888117c1ff2829deff63ef9e16cff", "auth.0003_alter_user_email_max_length": "9d5657b4db9872dc26c2d634c2f5911a3d69ab1d8552af4c6d633bc4001dfabf", "auth.0004_alter_user_username_opts": "9538db342c9a9bec4ca12b3137fb80772c4ea4afb861e8647a2962b1ea58344a", "auth.0005_alter_user_last_login_null": "79f60a35dc000fdd427bc05c85233ae5b9c4ada078ff0688fc9f78604bf7eaee", "auth.0006_require_contenttypes_0002": "00cb16e3405f14b62dbeffa15c68c9030291e4ddd513d733648ba460d6c5e781", "auth.0007_alter_validators_add_error_messages": "115db87dc327530fb5e1964ba3d03f9746492f90600406947be39f54f6cc042f", "auth.0008_alter_user_username_max_length": "02857f65f7d648147a5d12596b200a83e29145391d3f986ceb84b3b865a2c351", "auth.0009_alter_user_last_name_max_length": "19a89500e7f108a7397da9b1733181f92105f758663b3685b60f5c2da384d76e", "auth.0010_alter_group_name_max_length": "0963ed6498ac0b3a8430b6ca34c1b4a4b1d5f55b43d3db902f15a03ff74b14cd", "auth.0011_update_proxy_permissions": "85a5dde708dc4b6111e1bc71ce723ecfba7b1f8aedecfd130900ff7782765436", "auth.0012_alter_user_first_name_max_length": "6cefbc9f80903763ff8492a537a22836ef69f2227e19d402509b8099d2baecb0", "axes.0001_initial": "e4c0194cf158395b362677070de9973e806e51e80f111c046a2e195c764f65f4", "axes.0002_auto_20151217_2044": "a092989bdd502de76bbc53afb8418b3482f4cb802e9151c01e30a1231de0c46a", "axes.0003_auto_20160322_0929": "ff269df1341caca019962131955d57f3d2ba21d38a9b149dc84b3481f97293c2", "axes.0004_auto_20181024_1538": "71cdafbe7458c7725f77a4fd28d29a567a2dce2b98f0cba08f6928687b3354f1", "axes.0005_remove_accessattempt_trusted": "baf3f5f6de5b5ee821cbb1fe23557937372f84081e799ea85e92f0223d5fc70e", "axes.0006_remove_accesslog_trusted": "82850f25ae37e081d3be61df28489de717cc1c6674a8492cf4b8eff35bf865da", "axes.0007_alter_accessattempt_unique_together": "c9fdd81629030721468cf6178495dc2476b648c8d9ed7c6047a8a57357a8f494", "axes.0008_accessfailurelog": "2680dce9ecfcd4dfc2482a61de1ab9b27f6906d78ac6af8c4bbf76466444fb24", "axes.0009_add_session_hash": "82762be269ea4c62b81b84bed984d082b1e2f416a8bfb6c112c36bc432d182db", "axes.0010_accessattemptexpiration": "524ca5b4566a41b88b220e88c8213052a4378478065a4c7e4c8738672814557d", "banking.0001_initial": "1123d3013d69455d4b34bb8d39d6218b3ecdd74e6fe505f662cad062809414f0", "banking.0002_roles": "6b05a634fb37fce22de1fa1e9fc2e8c08c224a8ce270931a67a920fc4a13b111", "banking.0003_statement_line_desk_index": "b9b55038663b9f03c281cdfb29aff8d871f9d72db3fbeecd71f7dd709f0b594f", "banking.0004_statement_line_fewer_indexes": "5bc62d32031f20dc8a7d8a2c71cb428c66c261a5a27b1e9a67e231d2c7f7a1d8", "budgets.0001_initial": "e12bd1dfb9b4ff0e2d046b8b005807888b58a778dd540432423702d0914751de", "budgets.0002_roles": "d9e93d06d6caf6dde7cac1a95ffff7bb28dc155707579f7da1012841b4ef3ec4", "budgets.0003_segment_review_months": "6d8dd828cb30a3a9e5023ab60d8482e1d4c3b80ada384375e4b2ed47640e57f4", "closing.0001_initial": "ba1715a7b372944de9087f95c588c1b78ac99d1b7021d27696d93b045b1c5e6a", "closing.0002_roles": "149d1f330e188fe03d1c9305857bd2bd4f17a5a368224bfee5d4afb24e912c8b", "collections.0001_initial": "a1220603bbf9a713bc343e9f2d07551a447c94dd584a89288bf64c449b221393", "collections.0002_defaults": "f6a197c124088aabffad724d5f241931e26cfa63e6c542515fd941ce59d9e56b", "collections.0003_profile_without_grade_and_hold": "ad3e60bbb9afa724da88549c8b167649935245f20ac183cdba7f2f1e23ac6094", "collections.0004_fast_run_writes": "588d1fb2785a06370ba0f9b6fefb733ee985dce09fbaea23e10c13de156bd705", "collections.0005_notice_item_without_line_index": "644ecf2ed9d9e6a531c43778b8262891a10d788bb7ef7f0d8bbe4872cada2345", "collections.0006_notice_without_company_index": "529ad308c51213cadebc62c298a733b09638263aaadfbc9dbcf351c94d097235", "collections.0007_notice_sending": "6b005f3f49fce77febeadb2f5955132b816bbff1d1d94659b34fe7762845a3f6", "collections.0008_auditor_reads_worklist": "2f03a80a3081957f140c8304711f48bd615bdafb9b05178509f9e7a139744e5d", "collections.0009_dunning_charges": "96778362c0915a407a91f5fa31bb91f4772873311c5a047ffe411a0f03bda978", "companies.0001_initial": "d6fdfcb36eb7c9fd0c870881b060f997cffc8d2e1f441b32fe73ec9355278c12", "companies.0002_company_bank_account": "c8a4ef5ff6cbec9e697c74dd5262c77c8d819a35eba84136a14be1b3be2f8376", "contenttypes.0001_initial": "35ed8489a147e0b42a15c21b5d4f0e8940de6f73fb326e9d6dea91b4d0b953cc", "contenttypes.0002_remove_content_type_name": "7d36494075750f0ed3c0f68d0cb1548eba59cc593f52f691f6cc37a043083766", "credit.0001_initial": "2bd81f5e152f4c623d28aef46207edd2b6dc8577576a7846f92773c70f3eea7d", "credit.0002_defaults": "7d3de9da02f2cc7da50b7f36bf5b2e44ebd16d34a13f8ef14e4f8aa34eb86108", "credit.0003_order_indexes_without_prefixes": "5fe5e53b8d2cae736d74634669c6c74b42f36ac8c4227f60e42e16408252ec9b", "credit.0004_credit_limit_batches": "f0b3c8fdc49269efedb612425fb5aa152ffbdbc13d56d1aebf6a548c6d646a15", "credit.0005_creditaccount_review_date_by_hand": "0050fd6bee0f2b4aa960645a0cfeef5f37038c31c9917ff6c89f27c019fa0891", "customers.0001_initial": "3eab0d7067a7c4d55a938737043b05eac11a77bb93a0328922fe6d971e331aee", "customers.0002_labels": "c45b3a4fa0cbe45a166532006530372ea28b22d0c14051ddeda0b21e0a3fbac7", "customers.0003_list_order_and_search": "28d178b1553d027201f265eefbe0288ad4deb8923d34ca90eb6de3926c567184", "customers.0004_bank_account_index": "a78c1d3ff87c3cfd3220693422532afecfbba66ec862a2bb64fee0caa98b0f29", "guide.0001_initial": "4fcd7b500ead6de84666d42f276b7b3f3f81b0b0403811dc82c669219bff3728", "insights.0001_initial": "d1aad4ae612d995d0cb695ce0fb1dea9f30975b40983a76a0f3d81aa86c0fe75", "insights.0002_roles": "db14b6e71bdec8d8b80adece22b439adb58060f6613178a1e66ed77839122df9", "ledger.0001_initial": "ae3f1ca4d24dd3bd9d4bc7f028c60e691f765111e1e027482d1b0c5d2d2961d1", "ledger.0002_roles": "db2e3bc1ab4246477fa79f37b4b19d9cfdff480ff3b406bc99dfc2d813127cb9", "ledger.0003_import_job": "a4e4717ec5033734ea1ebce7681f60b84ecae01e3de549e0e4eb5229f05c0621", "ledger.0004_document_number_index": "0ba3b351b364d9d29a51bacc9fe4d1dca03da8e03bc6c512c6e3dee35269c8e3", "ledger.0005_labels": "09caed0e5cbdc145047aa6f0eaf098c7b86e6568dfb052a6b6b1a9eeb2d3bae6", "ledger.0006_statement_run": "86ac0d40bba9e7812cf264de376a3983414fdb1dfd15e03d6969baeb60b89445", "ledger.0007_fewer_indexes": "75a2dc0c53d205a51aab582e2d54bc1939cae37713d5d61fe1f4231ca5aa8550", "ledger.0008_open_state": "788ab4814185380794db23000541924f563cf15fd907d5ede28876309db0fe68", "ledger.0009_allocation_date_index": "06a7b55d1b78264ba90d8d77189151d9d9cc549d5fee25b224471e8b2945574b", "ledger.0010_document_balance_index": "f72a42ec946d23459c19f372fc0895c8be6d1c2f2e1ad8e8dbd728df46413ae2", "ledger.0011_bad_debt_types": "9a8f34415e130a2c4b839d0905b6c6edbfbc3a7e462ae043196c6f47bb46e297", "ledger.0012_aging_covering_indexes": "c0bc8d88cfe7012ad7d589261f8a74bc87779d779850c826c9cc4049c1907e95", "ledger.0013_import_fewer_constraints": "5a781aa2563fb09624ce6ffef3b7ac5605f9cc3ebe0c00dd16c4f51665308409", "ledger.0014_credit_open_covering": "35724118426998d584937db572d84680e7340d64039b07660b98703ec3434560", "ledger.0015_fewer_constraints_on_import": "9af3f74992677af7b21b03827609c72759a3fbf19b503cad8ceed01393c55f04", "ledger.0016_drop_document_number_index": "2a6d44c9ffb653b4317490fb5e308e860b113dda7ef3bd6943084f36f1baec7f", "ledger.0017_partial_reversal_keys": "f0b94b4fca9b156d5060d33dc0f7f421e172645889c8a20796e94a9c678cc7c3", "ledger.0018_allocation_facts": "c8c240f820887ba30b815e37ad4e0ff3f367f3ed731b24de27156a897adb2db8", "ledger.0019_reopened_items": "8d47e878a29f1fc5a93402dfe0064bd9c348b3495ff95648e41fcf55f8714fe9", "ledger.0020_daily_totals": "aa18b1da39279a4b27b40a8308efcbbf70ebe9359cc6b351a884879d6a5f8315", "ledger.0021_period_lock": "2b037d412d64091227ef43ebd6ae72982935267b509952fc87dd864bd81b91b7", "ledger.0022_refunds": "6b68497ff4f9ca339b903e98203b40b100a184fa8dcabaf3c1b6ae96ca0497d1", "ledger.0023_invoice_medium": "eb0a379a879d21e1d99199aa5498d33941345461b5185dc64787ab38cac04ba5", "operations.0001_heartbeat": "9561f0f97936519e10938ab74d77c6ab0184cfdefe76f8ee53ee06fae17c619b", "portal.0001_initial": "30ee607159b49b2f6aee297b4eddf893b4685930c278228beb9be75dd7d248da", "portal.0002_roles": "44da8814fe44c49bd167bc844522f794f1240eb7169f310b6f5b4a2e64751074", "portal.0003_statement_runs_and_codes": "3562fb6b18b60b3fa3746adfc9c6f6a0aa593bcae4f70fa6d8508f8ef05185ab", "portal.0004_statement_roles": "b55171bf40b7f03e2fb33a05b2d89c3d1b967e9280c0e04fe315bac7aac566ba", "portal.0005_customer_statement_frequency": "012de0b241556aabe8b702cc51cd4d1ad18c57cb7cc2e4729ce7b266ca6a776b", "provisioning.0001_initial": "e752102fecd72ee44df9d8bd85254094ea64c3ac1cb91a753ff24dd683b4b436", "provisioning.0002_roles": "1563264840bd074f2e5cb49d9714d8cbd783e070a5ea2aea844b8a93a39fa658", "provisioning.0003_run_line_index": "351e7a9b20f63d7a769377e546355203f03e3dfe89abe592a6a8aad011445f8d", "provisioning.0004_run_lines_without_constraints": "a3a7617092263bbbdf9e25e6a748caf424eaf9aa379345efbf5f2810c0ce39ef", "provisioning.0005_run_lines_indexed_by_bucket": "d0edd3b0e856be8071dd74efd7ae583e1706b5ac8edc40db3c52c7c9f3005eb9", "provisioning.0006_run_is_provisional": "7bed0521a11f446fac658f5fe39b2ff2942b67d4c30b6db040624df786ab8b36", "provisioning.0007_method_labels_in_english": "7a7fa46a4ecd05c67e7cd7f12dc5601d65f4df69c7064f1513bf9e185b702833", "relations.0001_initial": "c66ceffdf1fe123fe5781756ca5f8f6ee025e818eeb583082b850b777e968e1a", "relations.0002_roles_and_survey": "e15f6dd21f08d3e1c47a8d73f9583e9c76653b074049b3a8d2bd6377b6cce68d", "relations.0003_escalation_mail": "40110323e46c001297f8864a115a434fa345d4983bbe8b61d5d131f1d3404ab5", "relations.0004_alter_revisit_reason": "c6a0bf6ddb007531aa9011144a99d0d1636bf23ecaccf038a5f99c72585f25dd", "reports.0001_initial": "8ba293b9922da1ee98cfdf9caa0932e0a434abd009a13e5b0521e89558a5cc58", "reports.0002_defaults": "c26fc6bf67f179ee0049b47d86b331dc8b76ac06ec90a3aca8638b5997494602", "reports.0003_ledger_days": "c366f75847cedcf32770b46a16711ff232943a548f9afcf902ee951b8ab92da3", "reports.0004_kept_aging": "4c355624fdcafa45fa9ba09625bfa02d74ee2aa7ebffda7393c880d15cd13d51", "reports.0005_allocation_triggers_again": "b6ee13d1141f9bb3ba59ae0258435127144681614fc9b0ac04616ae8229ff29b", "reports.0006_daily_totals_to_ledger": "5218b5f697b13c088ddb83a6207424007160c7d44afc003954b5506f29bdcdb5", "reports.0007_kept_triggers_again": "cf106271a6da94adf0ae2c5e7855df8a49cf0128be0b353d27910def8ff8a3b7", "reports.0008_bucket_basis_label_in_english": "00d329748c42f5186c3253c6eea6852d0e9d2d7b33a0ac84918ede27918092db", "risk.0001_initial": "a6ff243f5340809eefde6739395c7473b7386416a7f3efe01de7bc206ba7160a", "risk.0002_roles": "3764e3ac5f7bcb044e95a2761f71666d665eccb3e742cb8ffec496e3006eea92", "risk.0003_signal_predicted_slip": "3792a238d8f28530359dfa8610aefdac25723d12640bba623636e528c38c1d20", "sessions.0001_initial": "2aa438e2393ee5135c4dda94bfde65fd49e8300f1c3f93bed25ae3a09f2f69b9"}
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET LOCAL statement_timeout = 0;
SET LOCAL lock_timeout = 0;
SET LOCAL idle_in_transaction_session_timeout = 0;
SET LOCAL client_encoding = 'UTF8';
SET LOCAL standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', true);
SET LOCAL check_function_bodies = false;
SET LOCAL xmloption = content;
SET LOCAL client_min_messages = warning;
SET LOCAL row_security = off;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: ledger_allocation_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_allocation_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.functional_amount <> OLD.source_functional_amount THEN
            INSERT INTO ledger_exchangeday (company_id, day, realised)
            VALUES (OLD.company_id, OLD.allocated_on, OLD.source_functional_amount - OLD.functional_amount);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.functional_amount <> NEW.source_functional_amount THEN
            INSERT INTO ledger_exchangeday (company_id, day, realised)
            VALUES (NEW.company_id, NEW.allocated_on, NEW.functional_amount - NEW.source_functional_amount);
        END IF;
    END IF;
    RETURN NULL;
END $$;


--
-- Name: ledger_document_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_document_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF OLD.status = 'posted' THEN
        INSERT INTO ledger_ledgerday (company_id, currency, day, balance, balance_functional, sales_functional) VALUES (OLD.company_id, OLD.currency, OLD.issue_on, -OLD.amount, -OLD.functional_amount, CASE WHEN OLD.doc_type IN ('invoice', 'debit_note', 'credit_note') THEN -OLD.functional_amount ELSE 0 END);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status = 'posted' THEN
        INSERT INTO ledger_ledgerday (company_id, currency, day, balance, balance_functional, sales_functional) VALUES (NEW.company_id, NEW.currency, NEW.issue_on, NEW.amount, NEW.functional_amount, CASE WHEN NEW.doc_type IN ('invoice', 'debit_note', 'credit_note') THEN NEW.functional_amount ELSE 0 END);
    END IF;
    RETURN NULL;
END $$;


--
-- Name: ledger_documents_added(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_documents_added() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO ledger_ledgerday (company_id, currency, day, balance, balance_functional, sales_functional)
    SELECT company_id, currency, issue_on, SUM(amount), SUM(functional_amount),
           SUM(CASE WHEN doc_type IN ('invoice', 'debit_note', 'credit_note') THEN functional_amount ELSE 0 END)
    FROM ledger_added WHERE status = 'posted'
    GROUP BY company_id, currency, issue_on;
    RETURN NULL;
END $$;


--
-- Name: reports_kept_company_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.reports_kept_company_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO reports_keptchange (customer_id) VALUES (NULL);
    RETURN NULL;
END $$;


--
-- Name: reports_kept_customer_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.reports_kept_customer_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO reports_keptchange (customer_id) VALUES (NEW.id);
    RETURN NULL;
END $$;


SET LOCAL default_tablespace = '';

SET LOCAL default_table_access_method = heap;

--
-- Name: accounts_apitoken; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.accounts_apitoken (
    id bigint NOT NULL,
    name character varying(100) NOT NULL,
    prefix character varying(12) NOT NULL,
    key_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    user_id integer NOT NULL,
    expires_at timestamp with time zone
);


--
-- Name: accounts_apitoken_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.accounts_apitoken ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.accounts_apitoken_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: accounts_preference; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.accounts_preference (
    id bigint NOT NULL,
    language character varying(10) NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: accounts_preference_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.accounts_preference ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.accounts_preference_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: audit_auditchainhead; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_auditchainhead (
    id smallint NOT NULL,
    last_seq bigint NOT NULL,
    last_hash character varying(64) NOT NULL,
    CONSTRAINT audit_auditchainhead_id_check CHECK ((id >= 0))
);


--
-- Name: audit_auditevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_auditevent (
    seq bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    actor_name character varying(150) NOT NULL,
    action character varying(64) NOT NULL,
    object_type character varying(64) NOT NULL,
    object_id character varying(64) NOT NULL,
    object_repr character varying(255) NOT NULL,
    company_id bigint,
    before jsonb,
    after jsonb,
    ip character varying(64) NOT NULL,
    prev_hash character varying(64) NOT NULL,
    hash character varying(64) NOT NULL,
    actor_id integer
);


--
-- Name: auth_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_group (
    id integer NOT NULL,
    name character varying(150) NOT NULL
);


--
-- Name: auth_group_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_group ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_group_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_group_permissions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_group_permissions (
    id bigint NOT NULL,
    group_id integer NOT NULL,
    permission_id integer NOT NULL
);


--
-- Name: auth_group_permissions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_group_permissions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_group_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_permission; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_permission (
    id integer NOT NULL,
    name character varying(255) NOT NULL,
    content_type_id integer NOT NULL,
    codename character varying(100) NOT NULL
);


--
-- Name: auth_permission_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_permission ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_permission_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_user (
    id integer NOT NULL,
    password character varying(128) NOT NULL,
    last_login timestamp with time zone,
    is_superuser boolean NOT NULL,
    username character varying(150) NOT NULL,
    first_name character varying(150) NOT NULL,
    last_name character varying(150) NOT NULL,
    email character varying(254) NOT NULL,
    is_staff boolean NOT NULL,
    is_active boolean NOT NULL,
    date_joined timestamp with time zone NOT NULL
);


--
-- Name: auth_user_groups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_user_groups (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    group_id integer NOT NULL
);


--
-- Name: auth_user_groups_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_user_groups ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_groups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_user_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_user ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: auth_user_user_permissions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_user_user_permissions (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    permission_id integer NOT NULL
);


--
-- Name: auth_user_user_permissions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.auth_user_user_permissions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_user_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: axes_accessattempt; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.axes_accessattempt (
    id integer NOT NULL,
    user_agent character varying(255) NOT NULL,
    ip_address inet,
    username character varying(255),
    http_accept character varying(1025) NOT NULL,
    path_info character varying(255) NOT NULL,
    attempt_time timestamp with time zone NOT NULL,
    get_data text NOT NULL,
    post_data text NOT NULL,
    failures_since_start integer NOT NULL,
    CONSTRAINT axes_accessattempt_failures_since_start_check CHECK ((failures_since_start >= 0))
);


--
-- Name: axes_accessattempt_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.axes_accessattempt ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.axes_accessattempt_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: axes_accessattemptexpiration; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.axes_accessattemptexpiration (
    access_attempt_id integer NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


--
-- Name: axes_accessfailurelog; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.axes_accessfailurelog (
    id integer NOT NULL,
    user_agent character varying(255) NOT NULL,
    ip_address inet,
    username character varying(255),
    http_accept character varying(1025) NOT NULL,
    path_info character varying(255) NOT NULL,
    attempt_time timestamp with time zone NOT NULL,
    locked_out boolean NOT NULL
);


--
-- Name: axes_accessfailurelog_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.axes_accessfailurelog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.axes_accessfailurelog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: axes_accesslog; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.axes_accesslog (
    id integer NOT NULL,
    user_agent character varying(255) NOT NULL,
    ip_address inet,
    username character varying(255),
    http_accept character varying(1025) NOT NULL,
    path_info character varying(255) NOT NULL,
    attempt_time timestamp with time zone NOT NULL,
    logout_time timestamp with time zone,
    session_hash character varying(64) NOT NULL
);


--
-- Name: axes_accesslog_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.axes_accesslog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.axes_accesslog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: banking_application; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.banking_application (
    id bigint NOT NULL,
    amount bigint NOT NULL,
    is_auto boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    created_by_id integer,
    customer_id bigint NOT NULL,
    receipt_id bigint NOT NULL,
    line_id bigint NOT NULL,
    CONSTRAINT application_amount_positive CHECK ((amount > 0))
);


--
-- Name: banking_application_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.banking_application ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.banking_application_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: banking_bankaccount; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.banking_bankaccount (
    id bigint NOT NULL,
    code character varying(20) NOT NULL,
    name character varying(100) NOT NULL,
    bank_name character varying(100) NOT NULL,
    account_number character varying(64) NOT NULL,
    currency character varying(3) NOT NULL,
    gl_account character varying(20) NOT NULL,
    receivable_account character varying(20) NOT NULL,
    discount_account character varying(20) NOT NULL,
    charges_account character varying(20) NOT NULL,
    difference_account character varying(20) NOT NULL,
    layout character varying(10) NOT NULL,
    column_mapping jsonb NOT NULL,
    is_active boolean NOT NULL,
    company_id bigint NOT NULL
);


--
-- Name: banking_bankaccount_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.banking_bankaccount ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.banking_bankaccount_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: banking_bankstatement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.banking_bankstatement (
    id bigint NOT NULL,
    file_name character varying(200) NOT NULL,
    sha256 character varying(64) NOT NULL,
    file_format character varying(10) NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    opening_balance bigint,
    closing_balance bigint,
    line_count integer NOT NULL,
    new_count integer NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    account_id bigint NOT NULL,
    company_id bigint NOT NULL,
    imported_by_id integer,
    CONSTRAINT banking_bankstatement_line_count_check CHECK ((line_count >= 0)),
    CONSTRAINT banking_bankstatement_new_count_check CHECK ((new_count >= 0))
);


--
-- Name: banking_bankstatement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.banking_bankstatement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.banking_bankstatement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: banking_difference; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.banking_difference (
    id bigint NOT NULL,
    kind character varying(12) NOT NULL,
    amount bigint NOT NULL,
    line_ids jsonb NOT NULL,
    status character varying(10) NOT NULL,
    decided_at timestamp with time zone,
    application_id bigint NOT NULL,
    company_id bigint NOT NULL,
    credit_note_id bigint,
    decided_by_id integer,
    requested_by_id integer,
    CONSTRAINT difference_amount_positive CHECK ((amount > 0))
);


--
-- Name: banking_difference_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.banking_difference ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.banking_difference_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: banking_payeralias; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.banking_payeralias (
    id bigint NOT NULL,
    kind character varying(10) NOT NULL,
    key character varying(200) NOT NULL,
    shown character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    created_by_id integer,
    customer_id bigint NOT NULL
);


--
-- Name: banking_payeralias_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.banking_payeralias ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.banking_payeralias_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: banking_statementline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.banking_statementline (
    id bigint NOT NULL,
    booked_on date NOT NULL,
    seq integer NOT NULL,
    amount bigint NOT NULL,
    currency character varying(3) NOT NULL,
    balance_after bigint,
    payer_name character varying(200) NOT NULL,
    payer_account text NOT NULL,
    payer_account_index character varying(64) NOT NULL,
    payer_bank character varying(200) NOT NULL,
    remittance character varying(500) NOT NULL,
    bank_ref character varying(80) NOT NULL,
    line_key character varying(80) NOT NULL,
    status character varying(10) NOT NULL,
    confidence numeric(4,3) NOT NULL,
    reasons jsonb NOT NULL,
    suggestions jsonb NOT NULL,
    matched_at timestamp with time zone,
    account_id bigint NOT NULL,
    company_id bigint NOT NULL,
    matched_by_id integer,
    statement_id bigint NOT NULL,
    CONSTRAINT banking_statementline_seq_check CHECK ((seq >= 0))
);


--
-- Name: banking_statementline_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.banking_statementline ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.banking_statementline_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: budgets_budgetline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.budgets_budgetline (
    id bigint NOT NULL,
    dimension character varying(10) NOT NULL,
    member_id bigint NOT NULL,
    month smallint NOT NULL,
    sales bigint NOT NULL,
    cost bigint NOT NULL,
    collections bigint NOT NULL,
    receivable bigint NOT NULL,
    version_id bigint NOT NULL,
    CONSTRAINT budget_line_month CHECK (((month >= 1) AND (month <= 12))),
    CONSTRAINT budgets_budgetline_month_check CHECK ((month >= 0))
);


--
-- Name: budgets_budgetline_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.budgets_budgetline ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.budgets_budgetline_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: budgets_budgetversion; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.budgets_budgetversion (
    id bigint NOT NULL,
    year smallint NOT NULL,
    revision smallint NOT NULL,
    name character varying(100) NOT NULL,
    status character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    approved_at timestamp with time zone,
    locked_at timestamp with time zone,
    approved_by_id integer,
    company_id bigint NOT NULL,
    created_by_id integer NOT NULL,
    revision_of_id bigint,
    CONSTRAINT budgets_budgetversion_revision_check CHECK ((revision >= 0)),
    CONSTRAINT budgets_budgetversion_year_check CHECK ((year >= 0))
);


--
-- Name: budgets_budgetversion_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.budgets_budgetversion ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.budgets_budgetversion_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: budgets_profitabilitysettings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.budgets_profitabilitysettings (
    company_id bigint NOT NULL,
    cost_of_capital numeric(6,3) NOT NULL,
    notice_cost bigint NOT NULL,
    contact_cost bigint NOT NULL
);


--
-- Name: budgets_segment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.budgets_segment (
    id bigint NOT NULL,
    code character varying(20) NOT NULL,
    name character varying(100) NOT NULL,
    priority smallint NOT NULL,
    industry character varying(1) NOT NULL,
    region character varying(2) NOT NULL,
    size character varying(6) NOT NULL,
    company_id bigint NOT NULL,
    dunning_policy_id bigint,
    review_months smallint,
    CONSTRAINT budgets_segment_priority_check CHECK ((priority >= 0)),
    CONSTRAINT budgets_segment_review_months_check CHECK ((review_months >= 0))
);


--
-- Name: budgets_segment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.budgets_segment ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.budgets_segment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: closing_journalentry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.closing_journalentry (
    id bigint NOT NULL,
    number character varying(40) NOT NULL,
    "on" date NOT NULL,
    kind character varying(12) NOT NULL,
    currency character varying(3) NOT NULL,
    description character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    created_by_id integer NOT NULL,
    run_id bigint NOT NULL
);


--
-- Name: closing_journalentry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.closing_journalentry ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.closing_journalentry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: closing_journalexport; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.closing_journalexport (
    id bigint NOT NULL,
    period date NOT NULL,
    entries integer NOT NULL,
    exported_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    exported_by_id integer NOT NULL,
    CONSTRAINT closing_journalexport_entries_check CHECK ((entries >= 0))
);


--
-- Name: closing_journalexport_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.closing_journalexport ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.closing_journalexport_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: closing_journalline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.closing_journalline (
    id bigint NOT NULL,
    seq integer NOT NULL,
    account character varying(20) NOT NULL,
    debit bigint NOT NULL,
    credit bigint NOT NULL,
    memo character varying(200) NOT NULL,
    customer_id bigint,
    entry_id bigint NOT NULL,
    CONSTRAINT closing_journal_one_side CHECK ((((debit > 0) AND (credit = 0)) OR ((debit = 0) AND (credit > 0)))),
    CONSTRAINT closing_journalline_seq_check CHECK ((seq >= 0))
);


--
-- Name: closing_journalline_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.closing_journalline ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.closing_journalline_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: closing_periodevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.closing_periodevent (
    id bigint NOT NULL,
    period date NOT NULL,
    kind character varying(10) NOT NULL,
    at timestamp with time zone NOT NULL,
    open_points jsonb NOT NULL,
    by_id integer NOT NULL,
    company_id bigint NOT NULL,
    request_id bigint
);


--
-- Name: closing_periodevent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.closing_periodevent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.closing_periodevent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: closing_reopenrequest; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.closing_reopenrequest (
    id bigint NOT NULL,
    period date NOT NULL,
    reason character varying(500) NOT NULL,
    status character varying(10) NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    decided_at timestamp with time zone,
    company_id bigint NOT NULL,
    decided_by_id integer,
    requested_by_id integer NOT NULL
);


--
-- Name: closing_reopenrequest_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.closing_reopenrequest ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.closing_reopenrequest_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: closing_revaluationline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.closing_revaluationline (
    id bigint NOT NULL,
    currency character varying(3) NOT NULL,
    amount bigint NOT NULL,
    rate numeric(18,8) NOT NULL,
    booked bigint NOT NULL,
    revalued bigint NOT NULL,
    difference bigint NOT NULL,
    customer_id bigint NOT NULL,
    run_id bigint NOT NULL
);


--
-- Name: closing_revaluationline_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.closing_revaluationline ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.closing_revaluationline_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: closing_revaluationrun; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.closing_revaluationrun (
    id bigint NOT NULL,
    period date NOT NULL,
    as_of date NOT NULL,
    currency character varying(3) NOT NULL,
    status character varying(10) NOT NULL,
    rates jsonb NOT NULL,
    gain bigint NOT NULL,
    loss bigint NOT NULL,
    items integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    posted_at timestamp with time zone,
    company_id bigint NOT NULL,
    created_by_id integer NOT NULL,
    posted_by_id integer,
    CONSTRAINT closing_revaluationrun_items_check CHECK ((items >= 0))
);


--
-- Name: closing_revaluationrun_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.closing_revaluationrun ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.closing_revaluationrun_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_collectionprofile; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_collectionprofile (
    customer_id bigint NOT NULL,
    dunning_blocked boolean NOT NULL,
    block_reason character varying(300) NOT NULL,
    in_legal boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    policy_id bigint
);


--
-- Name: collections_contactlog; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_contactlog (
    id bigint NOT NULL,
    channel character varying(8) NOT NULL,
    outcome character varying(10) NOT NULL,
    note text NOT NULL,
    next_action_on date,
    logged_on date NOT NULL,
    logged_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    contact_id bigint,
    customer_id bigint NOT NULL,
    logged_by_id integer
);


--
-- Name: collections_contactlog_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_contactlog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_contactlog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_dispute; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_dispute (
    id bigint NOT NULL,
    reason character varying(12) NOT NULL,
    currency character varying(3) NOT NULL,
    amount bigint NOT NULL,
    status character varying(10) NOT NULL,
    description text NOT NULL,
    opened_on date NOT NULL,
    resolved_on date,
    company_id bigint NOT NULL,
    created_by_id integer,
    credit_note_id bigint,
    customer_id bigint NOT NULL,
    owner_id integer,
    CONSTRAINT dispute_amount_positive CHECK ((amount > 0))
);


--
-- Name: collections_dispute_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_dispute ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_dispute_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_disputeattachment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_disputeattachment (
    id bigint NOT NULL,
    file character varying(100) NOT NULL,
    original_name character varying(255) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    dispute_id bigint NOT NULL,
    uploaded_by_id integer,
    CONSTRAINT collections_disputeattachment_size_check CHECK ((size >= 0))
);


--
-- Name: collections_disputeattachment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_disputeattachment ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_disputeattachment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_disputeitem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_disputeitem (
    id bigint NOT NULL,
    dispute_id bigint NOT NULL,
    line_id bigint NOT NULL
);


--
-- Name: collections_disputeitem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_disputeitem ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_disputeitem_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_disputenote; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_disputenote (
    id bigint NOT NULL,
    text text NOT NULL,
    status character varying(10) NOT NULL,
    written_at timestamp with time zone NOT NULL,
    dispute_id bigint NOT NULL,
    written_by_id integer
);


--
-- Name: collections_disputenote_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_disputenote ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_disputenote_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_dunninglevel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_dunninglevel (
    id bigint NOT NULL,
    seq smallint NOT NULL,
    name character varying(100) NOT NULL,
    name_zh character varying(100) NOT NULL,
    days integer NOT NULL,
    channel character varying(10) NOT NULL,
    subject_en character varying(200) NOT NULL,
    body_en text NOT NULL,
    subject_zh character varying(200) NOT NULL,
    body_zh text NOT NULL,
    policy_id bigint NOT NULL,
    fee numeric(18,4) NOT NULL,
    interest_rate numeric(7,4) NOT NULL,
    min_amount numeric(18,4) NOT NULL,
    CONSTRAINT collections_dunninglevel_seq_check CHECK ((seq >= 0))
);


--
-- Name: collections_dunninglevel_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_dunninglevel ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_dunninglevel_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_dunningpolicy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_dunningpolicy (
    id bigint NOT NULL,
    code character varying(20) NOT NULL,
    name character varying(100) NOT NULL,
    name_zh character varying(100) NOT NULL,
    is_default boolean NOT NULL,
    min_days_between smallint NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint,
    interest_basis smallint NOT NULL,
    CONSTRAINT collections_dunningpolicy_interest_basis_check CHECK ((interest_basis >= 0)),
    CONSTRAINT collections_dunningpolicy_min_days_between_check CHECK ((min_days_between >= 0))
);


--
-- Name: collections_dunningpolicy_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_dunningpolicy ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_dunningpolicy_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_dunningrun; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_dunningrun (
    id bigint NOT NULL,
    run_on date NOT NULL,
    status character varying(10) NOT NULL,
    notices integer NOT NULL,
    items integer NOT NULL,
    total_functional bigint NOT NULL,
    delivered integer NOT NULL,
    error text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    company_id bigint NOT NULL,
    created_by_id integer,
    delivery_seen_at timestamp with time zone,
    CONSTRAINT collections_dunningrun_delivered_check CHECK ((delivered >= 0)),
    CONSTRAINT collections_dunningrun_items_check CHECK ((items >= 0)),
    CONSTRAINT collections_dunningrun_notices_check CHECK ((notices >= 0))
);


--
-- Name: collections_dunningrun_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_dunningrun ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_dunningrun_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_dunningstate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_dunningstate (
    line_id bigint NOT NULL,
    level_seq smallint NOT NULL,
    notice_on date NOT NULL,
    level_id bigint NOT NULL,
    CONSTRAINT collections_dunningstate_level_seq_check CHECK ((level_seq >= 0))
);


--
-- Name: collections_legalcase; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_legalcase (
    id bigint NOT NULL,
    opened_on date NOT NULL,
    reference character varying(60) NOT NULL,
    lawyer character varying(120) NOT NULL,
    currency character varying(3) NOT NULL,
    amount bigint NOT NULL,
    status character varying(8) NOT NULL,
    notes text NOT NULL,
    closed_on date,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    opened_by_id integer
);


--
-- Name: collections_legalcase_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_legalcase ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_legalcase_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_notice; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_notice (
    id bigint NOT NULL,
    level_seq smallint NOT NULL,
    channel character varying(10) NOT NULL,
    notice_on date NOT NULL,
    item_count integer NOT NULL,
    total_functional bigint NOT NULL,
    currency character varying(3) NOT NULL,
    status character varying(8) NOT NULL,
    language character varying(10) NOT NULL,
    recipients text NOT NULL,
    subject character varying(300) NOT NULL,
    body text NOT NULL,
    pdf character varying(100) NOT NULL,
    error text NOT NULL,
    attempts smallint NOT NULL,
    sent_at timestamp with time zone,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    level_id bigint NOT NULL,
    run_id bigint NOT NULL,
    charges character varying(8) NOT NULL,
    debit_note_id bigint,
    fee bigint NOT NULL,
    interest bigint NOT NULL,
    CONSTRAINT collections_notice_attempts_check CHECK ((attempts >= 0)),
    CONSTRAINT collections_notice_item_count_check CHECK ((item_count >= 0)),
    CONSTRAINT collections_notice_level_seq_check CHECK ((level_seq >= 0))
);


--
-- Name: collections_notice_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_notice ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_notice_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_noticeitem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_noticeitem (
    id bigint NOT NULL,
    due_on date NOT NULL,
    currency character varying(3) NOT NULL,
    open_amount bigint NOT NULL,
    open_functional bigint NOT NULL,
    line_id bigint NOT NULL,
    notice_id bigint NOT NULL
);


--
-- Name: collections_noticeitem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_noticeitem ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_noticeitem_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_policygrade; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_policygrade (
    id bigint NOT NULL,
    grade character varying(10) NOT NULL,
    policy_id bigint NOT NULL
);


--
-- Name: collections_policygrade_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_policygrade ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_policygrade_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_promiseitem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_promiseitem (
    id bigint NOT NULL,
    line_id bigint NOT NULL,
    promise_id bigint NOT NULL
);


--
-- Name: collections_promiseitem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_promiseitem ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_promiseitem_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: collections_promisetopay; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.collections_promisetopay (
    id bigint NOT NULL,
    currency character varying(3) NOT NULL,
    amount bigint NOT NULL,
    promised_on date NOT NULL,
    made_on date NOT NULL,
    status character varying(10) NOT NULL,
    paid bigint NOT NULL,
    checked_on date,
    note character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    contact_log_id bigint,
    created_by_id integer,
    customer_id bigint NOT NULL,
    CONSTRAINT promise_amount_positive CHECK ((amount > 0))
);


--
-- Name: collections_promisetopay_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.collections_promisetopay ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.collections_promisetopay_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: companies_company; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.companies_company (
    id bigint NOT NULL,
    code character varying(20) NOT NULL,
    name character varying(200) NOT NULL,
    functional_currency character varying(3) NOT NULL,
    uscc character varying(18) NOT NULL,
    address character varying(300) NOT NULL,
    bank_details text NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    bank_account_name character varying(200) NOT NULL,
    bank_account_number character varying(64) NOT NULL,
    bank_name character varying(200) NOT NULL
);


--
-- Name: companies_company_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.companies_company ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.companies_company_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: companies_companygrant; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.companies_companygrant (
    id bigint NOT NULL,
    granted_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: companies_companygrant_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.companies_companygrant ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.companies_companygrant_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_approvallevel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_approvallevel (
    id bigint NOT NULL,
    name character varying(100) NOT NULL,
    max_amount bigint,
    currency character varying(3) NOT NULL,
    group_id integer NOT NULL
);


--
-- Name: credit_approvallevel_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_approvallevel ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_approvallevel_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_creditaccount; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_creditaccount (
    customer_id bigint NOT NULL,
    "limit" bigint,
    limit_valid_until date,
    max_term_days integer,
    grade character varying(8) NOT NULL,
    score numeric(6,2),
    next_review_on date,
    industry_risk character varying(8) NOT NULL,
    external_rating character varying(8) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    group_id bigint,
    last_score_id bigint,
    review_date_by_hand boolean NOT NULL,
    CONSTRAINT credit_creditaccount_max_term_days_check CHECK ((max_term_days >= 0))
);


--
-- Name: credit_creditgroup; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_creditgroup (
    id bigint NOT NULL,
    code character varying(32) NOT NULL,
    name character varying(200) NOT NULL,
    "limit" bigint NOT NULL,
    valid_until date,
    company_id bigint NOT NULL
);


--
-- Name: credit_creditgroup_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_creditgroup ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_creditgroup_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_creditlimitbatch; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_creditlimitbatch (
    id bigint NOT NULL,
    file_name character varying(255) NOT NULL,
    status character varying(10) NOT NULL,
    line_count integer NOT NULL,
    total bigint NOT NULL,
    largest bigint NOT NULL,
    currency character varying(3) NOT NULL,
    prepared_at timestamp with time zone NOT NULL,
    decided_at timestamp with time zone,
    decision_note character varying(300) NOT NULL,
    company_id bigint NOT NULL,
    decided_by_id integer,
    import_batch_id bigint NOT NULL,
    prepared_by_id integer NOT NULL,
    CONSTRAINT credit_creditlimitbatch_line_count_check CHECK ((line_count >= 0))
);


--
-- Name: credit_creditlimitbatch_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_creditlimitbatch ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_creditlimitbatch_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_creditlimitline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_creditlimitline (
    id bigint NOT NULL,
    line integer NOT NULL,
    "limit" bigint NOT NULL,
    currency character varying(3) NOT NULL,
    valid_until date,
    grade character varying(8) NOT NULL,
    max_term_days integer,
    approved_by character varying(100) NOT NULL,
    approved_on date NOT NULL,
    reference character varying(64) NOT NULL,
    batch_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    CONSTRAINT credit_creditlimitline_line_check CHECK ((line >= 0)),
    CONSTRAINT credit_creditlimitline_max_term_days_check CHECK ((max_term_days >= 0))
);


--
-- Name: credit_creditlimitline_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_creditlimitline ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_creditlimitline_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_creditrequest; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_creditrequest (
    id bigint NOT NULL,
    kind character varying(8) NOT NULL,
    amount bigint,
    currency character varying(3) NOT NULL,
    term_days integer,
    valid_until date,
    reason text NOT NULL,
    evidence character varying(100) NOT NULL,
    status character varying(10) NOT NULL,
    level character varying(100) NOT NULL,
    within_policy boolean NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    decided_at timestamp with time zone,
    decision_note character varying(300) NOT NULL,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    decided_by_id integer,
    requested_by_id integer,
    used_by_order_id bigint,
    CONSTRAINT credit_creditrequest_term_days_check CHECK ((term_days >= 0))
);


--
-- Name: credit_creditrequest_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_creditrequest ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_creditrequest_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_creditreview; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_creditreview (
    id bigint NOT NULL,
    due_on date NOT NULL,
    reason character varying(16) NOT NULL,
    detail character varying(300) NOT NULL,
    status character varying(6) NOT NULL,
    decision character varying(8) NOT NULL,
    note text NOT NULL,
    completed_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    completed_by_id integer,
    customer_id bigint NOT NULL,
    score_id bigint
);


--
-- Name: credit_creditreview_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_creditreview ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_creditreview_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_creditrules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_creditrules (
    company_id bigint NOT NULL,
    hold_overdue_days integer NOT NULL,
    block_overdue_days integer NOT NULL,
    hold_overdue_amount bigint NOT NULL,
    review_utilisation_percent integer NOT NULL,
    review_overdue_amount bigint NOT NULL,
    CONSTRAINT credit_creditrules_block_overdue_days_check CHECK ((block_overdue_days >= 0)),
    CONSTRAINT credit_creditrules_hold_overdue_days_check CHECK ((hold_overdue_days >= 0)),
    CONSTRAINT credit_creditrules_review_utilisation_percent_check CHECK ((review_utilisation_percent >= 0))
);


--
-- Name: credit_creditscore; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_creditscore (
    id bigint NOT NULL,
    score numeric(6,2) NOT NULL,
    grade character varying(8) NOT NULL,
    breakdown jsonb NOT NULL,
    inputs jsonb NOT NULL,
    recommended_limit bigint,
    currency character varying(3) NOT NULL,
    limit_explanation character varying(300) NOT NULL,
    max_term_days integer NOT NULL,
    scored_on date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    customer_id bigint NOT NULL,
    scored_by_id integer,
    scorecard_id bigint NOT NULL,
    CONSTRAINT credit_creditscore_max_term_days_check CHECK ((max_term_days >= 0))
);


--
-- Name: credit_creditscore_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_creditscore ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_creditscore_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_financialstatement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_financialstatement (
    id bigint NOT NULL,
    period_end date NOT NULL,
    period_kind character varying(8) NOT NULL,
    months smallint NOT NULL,
    is_audited boolean NOT NULL,
    currency character varying(3) NOT NULL,
    lines jsonb NOT NULL,
    source character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_id integer,
    customer_id bigint NOT NULL,
    CONSTRAINT credit_financialstatement_months_check CHECK ((months >= 0)),
    CONSTRAINT credit_statement_months CHECK (((months >= 1) AND (months <= 12)))
);


--
-- Name: credit_financialstatement_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_financialstatement ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_financialstatement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_openorder; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_openorder (
    id bigint NOT NULL,
    order_ref character varying(64) NOT NULL,
    amount bigint NOT NULL,
    currency character varying(3) NOT NULL,
    status character varying(10) NOT NULL,
    reasons jsonb NOT NULL,
    figures jsonb NOT NULL,
    checked_at timestamp with time zone NOT NULL,
    decided_at timestamp with time zone,
    decision_note character varying(300) NOT NULL,
    checked_by_id integer,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    decided_by_id integer,
    CONSTRAINT credit_order_positive CHECK ((amount > 0))
);


--
-- Name: credit_openorder_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_openorder ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_openorder_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: credit_scorecard; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_scorecard (
    id bigint NOT NULL,
    code character varying(32) NOT NULL,
    version integer NOT NULL,
    name character varying(200) NOT NULL,
    config jsonb NOT NULL,
    is_active boolean NOT NULL,
    note character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_id integer,
    CONSTRAINT credit_scorecard_version_check CHECK ((version >= 0))
);


--
-- Name: credit_scorecard_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.credit_scorecard ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.credit_scorecard_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: customers_contact; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers_contact (
    id bigint NOT NULL,
    name character varying(100) NOT NULL,
    role character varying(20) NOT NULL,
    title character varying(100) NOT NULL,
    phone character varying(40) NOT NULL,
    email character varying(254) NOT NULL,
    preferred_language character varying(10) NOT NULL,
    preferred_channel character varying(10) NOT NULL,
    id_number text NOT NULL,
    bank_account text NOT NULL,
    is_primary boolean NOT NULL,
    notes text NOT NULL,
    customer_id bigint NOT NULL
);


--
-- Name: customers_contact_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.customers_contact ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.customers_contact_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: customers_customer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers_customer (
    id bigint NOT NULL,
    code character varying(32) NOT NULL,
    name character varying(200) NOT NULL,
    uscc character varying(18) NOT NULL,
    registered_capital bigint,
    registered_capital_currency character varying(3) NOT NULL,
    founded_on date,
    business_scope text NOT NULL,
    legal_representative character varying(100) NOT NULL,
    industry character varying(1) NOT NULL,
    region character varying(2) NOT NULL,
    address character varying(300) NOT NULL,
    currency character varying(3) NOT NULL,
    status character varying(10) NOT NULL,
    next_review_on date,
    bank_name character varying(100) NOT NULL,
    bank_account text NOT NULL,
    notes text NOT NULL,
    search_text text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    analyst_id integer,
    collector_id integer,
    company_id bigint NOT NULL,
    parent_id bigint,
    bank_account_index character varying(64) NOT NULL,
    CONSTRAINT customer_capital_not_negative CHECK ((registered_capital >= 0))
);


--
-- Name: customers_customer_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.customers_customer ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.customers_customer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: customers_customerattachment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers_customerattachment (
    id bigint NOT NULL,
    kind character varying(12) NOT NULL,
    file character varying(100) NOT NULL,
    original_name character varying(255) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    customer_id bigint NOT NULL,
    uploaded_by_id integer,
    CONSTRAINT customers_customerattachment_size_check CHECK ((size >= 0))
);


--
-- Name: customers_customerattachment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.customers_customerattachment ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.customers_customerattachment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: customers_customerstatuschange; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers_customerstatuschange (
    id bigint NOT NULL,
    from_status character varying(10) NOT NULL,
    to_status character varying(10) NOT NULL,
    reason character varying(300) NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    changed_by_id integer,
    customer_id bigint NOT NULL
);


--
-- Name: customers_customerstatuschange_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.customers_customerstatuschange ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.customers_customerstatuschange_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_admin_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_admin_log (
    id integer NOT NULL,
    action_time timestamp with time zone NOT NULL,
    object_id text,
    object_repr character varying(200) NOT NULL,
    action_flag smallint NOT NULL,
    change_message text NOT NULL,
    content_type_id integer,
    user_id integer NOT NULL,
    CONSTRAINT django_admin_log_action_flag_check CHECK ((action_flag >= 0))
);


--
-- Name: django_admin_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.django_admin_log ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_admin_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_content_type; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_content_type (
    id integer NOT NULL,
    app_label character varying(100) NOT NULL,
    model character varying(100) NOT NULL
);


--
-- Name: django_content_type_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.django_content_type ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_content_type_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_migrations (
    id bigint NOT NULL,
    app character varying(255) NOT NULL,
    name character varying(255) NOT NULL,
    applied timestamp with time zone NOT NULL
);


--
-- Name: django_migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.django_migrations ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_migrations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: django_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.django_session (
    session_key character varying(40) NOT NULL,
    session_data text NOT NULL,
    expire_date timestamp with time zone NOT NULL
);


--
-- Name: guide_agingcheck; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.guide_agingcheck (
    id bigint NOT NULL,
    as_of date NOT NULL,
    currency character varying(3) NOT NULL,
    erp_balance bigint NOT NULL,
    ardesk_balance bigint NOT NULL,
    checked_at timestamp with time zone NOT NULL,
    checked_by_id integer,
    company_id bigint NOT NULL
);


--
-- Name: guide_agingcheck_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.guide_agingcheck ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.guide_agingcheck_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: guide_onboardingconfirmation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.guide_onboardingconfirmation (
    id bigint NOT NULL,
    step character varying(32) NOT NULL,
    confirmed_at timestamp with time zone NOT NULL,
    confirmed_by_id integer
);


--
-- Name: guide_onboardingconfirmation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.guide_onboardingconfirmation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.guide_onboardingconfirmation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: guide_onboardingdismissal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.guide_onboardingdismissal (
    id bigint NOT NULL,
    dismissed_at timestamp with time zone NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: guide_onboardingdismissal_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.guide_onboardingdismissal ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.guide_onboardingdismissal_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: guide_suppressedemail; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.guide_suppressedemail (
    id bigint NOT NULL,
    subject character varying(300) NOT NULL,
    recipients text NOT NULL,
    reason character varying(200) NOT NULL,
    suppressed_at timestamp with time zone NOT NULL
);


--
-- Name: guide_suppressedemail_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.guide_suppressedemail ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.guide_suppressedemail_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: guide_tourprogress; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.guide_tourprogress (
    id bigint NOT NULL,
    tour character varying(32) NOT NULL,
    step smallint NOT NULL,
    status character varying(10) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    user_id integer NOT NULL,
    CONSTRAINT guide_tourprogress_step_check CHECK ((step >= 0))
);


--
-- Name: guide_tourprogress_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.guide_tourprogress ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.guide_tourprogress_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: guide_trainingcopy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.guide_trainingcopy (
    id bigint NOT NULL,
    directory character varying(500) NOT NULL,
    from_demo boolean NOT NULL,
    status character varying(10) NOT NULL,
    error text NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    requested_by_id integer
);


--
-- Name: guide_trainingcopy_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.guide_trainingcopy ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.guide_trainingcopy_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: guide_trainingmark; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.guide_trainingmark (
    id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    source character varying(300) NOT NULL
);


--
-- Name: guide_trainingmark_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.guide_trainingmark ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.guide_trainingmark_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: insights_modelversion; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.insights_modelversion (
    id bigint NOT NULL,
    version integer NOT NULL,
    method character varying(32) NOT NULL,
    best_baseline character varying(32) NOT NULL,
    data_from date NOT NULL,
    data_to date NOT NULL,
    holdout_from date NOT NULL,
    train_count integer NOT NULL,
    holdout_count integer NOT NULL,
    figures jsonb NOT NULL,
    importance jsonb NOT NULL,
    backtest jsonb NOT NULL,
    file_name character varying(200) NOT NULL,
    seconds double precision NOT NULL,
    trained_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    trained_by_id integer,
    CONSTRAINT insights_modelversion_holdout_count_check CHECK ((holdout_count >= 0)),
    CONSTRAINT insights_modelversion_train_count_check CHECK ((train_count >= 0)),
    CONSTRAINT insights_modelversion_version_check CHECK ((version >= 0))
);


--
-- Name: insights_modelversion_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.insights_modelversion ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.insights_modelversion_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: insights_prediction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.insights_prediction (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    line_id bigint NOT NULL,
    as_of date NOT NULL,
    due_on date NOT NULL,
    expected_on date NOT NULL,
    low_on date NOT NULL,
    high_on date NOT NULL,
    days_late integer NOT NULL,
    currency character varying(3) NOT NULL,
    open_amount bigint NOT NULL,
    open_functional bigint NOT NULL,
    reasons jsonb NOT NULL,
    company_id bigint NOT NULL,
    model_version_id bigint NOT NULL
);


--
-- Name: insights_prediction_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.insights_prediction ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.insights_prediction_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_allocation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_allocation (
    id bigint NOT NULL,
    allocated_on date NOT NULL,
    amount bigint NOT NULL,
    functional_amount bigint NOT NULL,
    source_functional_amount bigint NOT NULL,
    method character varying(12) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    created_by_id integer,
    customer_id bigint NOT NULL,
    reverses_id bigint,
    source_id bigint NOT NULL,
    line_id bigint NOT NULL,
    currency character varying(3) NOT NULL,
    line_issue_on date NOT NULL,
    line_due_on date NOT NULL,
    source_issue_on date NOT NULL,
    CONSTRAINT allocation_not_zero CHECK ((NOT (amount = 0)))
);


--
-- Name: ledger_allocation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_allocation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_allocation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_closedperiod; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_closedperiod (
    id bigint NOT NULL,
    period date NOT NULL,
    closed_at timestamp with time zone NOT NULL,
    closed_by_id integer NOT NULL,
    company_id bigint NOT NULL,
    CONSTRAINT closed_period_first_day CHECK ((EXTRACT(day FROM period) = (1)::numeric))
);


--
-- Name: ledger_closedperiod_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_closedperiod ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_closedperiod_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_customerterms; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_customerterms (
    customer_id bigint NOT NULL,
    payment_term_id bigint NOT NULL
);


--
-- Name: ledger_document; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_document (
    id bigint NOT NULL,
    doc_type character varying(12) NOT NULL,
    number character varying(40) NOT NULL,
    external_ref character varying(64) NOT NULL,
    issue_on date NOT NULL,
    due_on date,
    currency character varying(3) NOT NULL,
    amount bigint NOT NULL,
    rate numeric(18,8) NOT NULL,
    functional_amount bigint NOT NULL,
    cost bigint,
    order_ref character varying(64) NOT NULL,
    reference character varying(40) NOT NULL,
    discount_until date,
    discount_amount bigint,
    description character varying(300) NOT NULL,
    status character varying(8) NOT NULL,
    posted_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    posted_by_id integer,
    reversal_of_id bigint,
    import_batch_id bigint,
    payment_term_id bigint,
    settled_on date,
    unapplied_now bigint NOT NULL,
    unapplied_functional_now bigint NOT NULL,
    medium character varying(10) DEFAULT ''::character varying NOT NULL,
    CONSTRAINT document_amount_not_zero CHECK ((NOT (amount = 0)))
);


--
-- Name: ledger_document_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_document ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_document_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_dueline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_dueline (
    id bigint NOT NULL,
    seq smallint NOT NULL,
    issue_on date NOT NULL,
    due_on date NOT NULL,
    currency character varying(3) NOT NULL,
    amount bigint NOT NULL,
    functional_amount bigint NOT NULL,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    document_id bigint NOT NULL,
    open_now bigint NOT NULL,
    open_functional_now bigint NOT NULL,
    settled_on date,
    CONSTRAINT due_line_positive CHECK ((amount > 0)),
    CONSTRAINT ledger_dueline_seq_check CHECK ((seq >= 0))
);


--
-- Name: ledger_dueline_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_dueline ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_dueline_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_exchangeday; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_exchangeday (
    id bigint NOT NULL,
    day date NOT NULL,
    realised bigint NOT NULL,
    company_id bigint NOT NULL
);


--
-- Name: ledger_exchangerate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_exchangerate (
    id bigint NOT NULL,
    currency character varying(3) NOT NULL,
    quote_currency character varying(3) NOT NULL,
    rate_on date NOT NULL,
    rate numeric(18,8) NOT NULL,
    CONSTRAINT exchange_rate_positive CHECK ((rate > (0)::numeric))
);


--
-- Name: ledger_exchangerate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_exchangerate ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_exchangerate_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_importbatch; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_importbatch (
    id bigint NOT NULL,
    kind character varying(20) NOT NULL,
    file_name character varying(255) NOT NULL,
    sha256 character varying(64) NOT NULL,
    rows integer NOT NULL,
    created integer NOT NULL,
    unchanged integer NOT NULL,
    status character varying(12) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint,
    created_by_id integer,
    CONSTRAINT ledger_importbatch_created_check CHECK ((created >= 0)),
    CONSTRAINT ledger_importbatch_rows_check CHECK ((rows >= 0)),
    CONSTRAINT ledger_importbatch_unchanged_check CHECK ((unchanged >= 0))
);


--
-- Name: ledger_importbatch_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_importbatch ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_importbatch_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_importjob; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_importjob (
    id bigint NOT NULL,
    kind character varying(20) NOT NULL,
    file character varying(100) NOT NULL,
    file_name character varying(255) NOT NULL,
    status character varying(10) NOT NULL,
    report jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    batch_id bigint,
    company_id bigint NOT NULL,
    created_by_id integer
);


--
-- Name: ledger_importjob_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_importjob ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_importjob_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_ledgerday; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_ledgerday (
    id bigint NOT NULL,
    currency character varying(3) NOT NULL,
    day date NOT NULL,
    balance bigint NOT NULL,
    balance_functional bigint NOT NULL,
    sales_functional bigint NOT NULL,
    company_id bigint NOT NULL
);


--
-- Name: ledger_paymentterm; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_paymentterm (
    id bigint NOT NULL,
    code character varying(20) NOT NULL,
    name character varying(100) NOT NULL,
    kind character varying(12) NOT NULL,
    days integer NOT NULL,
    discount_percent numeric(5,2),
    discount_days integer,
    is_active boolean NOT NULL,
    CONSTRAINT ledger_paymentterm_days_check CHECK ((days >= 0)),
    CONSTRAINT ledger_paymentterm_discount_days_check CHECK ((discount_days >= 0))
);


--
-- Name: ledger_paymentterm_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_paymentterm ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_paymentterm_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_paymentterminstalment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_paymentterminstalment (
    id bigint NOT NULL,
    seq smallint NOT NULL,
    percent numeric(7,4) NOT NULL,
    days integer NOT NULL,
    term_id bigint NOT NULL,
    CONSTRAINT ledger_paymentterminstalment_days_check CHECK ((days >= 0)),
    CONSTRAINT ledger_paymentterminstalment_seq_check CHECK ((seq >= 0))
);


--
-- Name: ledger_paymentterminstalment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_paymentterminstalment ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_paymentterminstalment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ledger_statementrun; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_statementrun (
    id bigint NOT NULL,
    date_from date NOT NULL,
    date_to date NOT NULL,
    language character varying(10) NOT NULL,
    file_format character varying(4) NOT NULL,
    status character varying(10) NOT NULL,
    statements integer NOT NULL,
    archive character varying(100) NOT NULL,
    error text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    created_by_id integer,
    CONSTRAINT ledger_statementrun_statements_check CHECK ((statements >= 0))
);


--
-- Name: ledger_statementrun_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_statementrun ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ledger_statementrun_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: operations_heartbeat; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.operations_heartbeat (
    id bigint NOT NULL,
    name character varying(50) NOT NULL,
    beat_at timestamp with time zone NOT NULL
);


--
-- Name: operations_heartbeat_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.operations_heartbeat ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.operations_heartbeat_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_balanceconfirmation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.portal_balanceconfirmation (
    id bigint NOT NULL,
    contact_name character varying(100) NOT NULL,
    status character varying(10) NOT NULL,
    as_of date NOT NULL,
    currency character varying(3) NOT NULL,
    balance bigint NOT NULL,
    note text NOT NULL,
    answered_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    link_id bigint
);


--
-- Name: portal_balanceconfirmation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.portal_balanceconfirmation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portal_balanceconfirmation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_confirmationdifference; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.portal_confirmationdifference (
    id bigint NOT NULL,
    our_amount bigint NOT NULL,
    their_amount bigint NOT NULL,
    confirmation_id bigint NOT NULL,
    line_id bigint NOT NULL,
    CONSTRAINT difference_amount_not_negative CHECK ((their_amount >= 0))
);


--
-- Name: portal_confirmationdifference_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.portal_confirmationdifference ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portal_confirmationdifference_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_customerstatementsetting; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.portal_customerstatementsetting (
    id bigint NOT NULL,
    frequency character varying(10) NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    changed_by_id integer,
    customer_id bigint NOT NULL
);


--
-- Name: portal_customerstatementsetting_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.portal_customerstatementsetting ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portal_customerstatementsetting_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_portalaccess; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.portal_portalaccess (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    ip character varying(64) NOT NULL,
    action character varying(20) NOT NULL,
    detail character varying(300) NOT NULL,
    link_id bigint NOT NULL
);


--
-- Name: portal_portalaccess_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.portal_portalaccess ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portal_portalaccess_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_portalcode; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.portal_portalcode (
    id bigint NOT NULL,
    digest character varying(64) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    attempts smallint NOT NULL,
    used_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    link_id bigint NOT NULL,
    CONSTRAINT portal_portalcode_attempts_check CHECK ((attempts >= 0))
);


--
-- Name: portal_portalcode_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.portal_portalcode ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portal_portalcode_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_portallink; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.portal_portallink (
    id bigint NOT NULL,
    contact_name character varying(100) NOT NULL,
    language character varying(10) NOT NULL,
    nonce character varying(32) NOT NULL,
    expires_on date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    revoked_reason character varying(200) NOT NULL,
    company_id bigint NOT NULL,
    contact_id bigint,
    created_by_id integer,
    customer_id bigint NOT NULL,
    revoked_by_id integer,
    requires_code boolean NOT NULL
);


--
-- Name: portal_portallink_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.portal_portallink ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portal_portallink_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_statementrecipient; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.portal_statementrecipient (
    id bigint NOT NULL,
    contact_name character varying(100) NOT NULL,
    email character varying(254) NOT NULL,
    language character varying(10) NOT NULL,
    status character varying(10) NOT NULL,
    error text NOT NULL,
    attempts smallint NOT NULL,
    sent_at timestamp with time zone,
    opened_at timestamp with time zone,
    reminded_at timestamp with time zone,
    task_on date,
    answer_id bigint,
    contact_id bigint,
    customer_id bigint NOT NULL,
    link_id bigint,
    run_id bigint NOT NULL,
    CONSTRAINT portal_statementrecipient_attempts_check CHECK ((attempts >= 0))
);


--
-- Name: portal_statementrecipient_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.portal_statementrecipient ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portal_statementrecipient_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_statementrun; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.portal_statementrun (
    id bigint NOT NULL,
    date_from date NOT NULL,
    date_to date NOT NULL,
    status character varying(10) NOT NULL,
    is_scheduled boolean NOT NULL,
    remind_after_days smallint NOT NULL,
    task_after_days smallint NOT NULL,
    link_days smallint NOT NULL,
    recipients integer NOT NULL,
    sent integer NOT NULL,
    failed integer NOT NULL,
    error text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    seen_at timestamp with time zone,
    company_id bigint NOT NULL,
    created_by_id integer,
    frequency character varying(10) NOT NULL,
    CONSTRAINT portal_statementrun_failed_check CHECK ((failed >= 0)),
    CONSTRAINT portal_statementrun_link_days_check CHECK ((link_days >= 0)),
    CONSTRAINT portal_statementrun_recipients_check CHECK ((recipients >= 0)),
    CONSTRAINT portal_statementrun_remind_after_days_check CHECK ((remind_after_days >= 0)),
    CONSTRAINT portal_statementrun_sent_check CHECK ((sent >= 0)),
    CONSTRAINT portal_statementrun_task_after_days_check CHECK ((task_after_days >= 0)),
    CONSTRAINT statement_run_period CHECK ((date_from <= date_to))
);


--
-- Name: portal_statementrun_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.portal_statementrun ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portal_statementrun_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_statementschedule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.portal_statementschedule (
    id bigint NOT NULL,
    is_active boolean NOT NULL,
    day smallint NOT NULL,
    remind_after_days smallint NOT NULL,
    task_after_days smallint NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    changed_by_id integer,
    company_id bigint NOT NULL,
    CONSTRAINT portal_statementschedule_day_check CHECK ((day >= 0)),
    CONSTRAINT portal_statementschedule_remind_after_days_check CHECK ((remind_after_days >= 0)),
    CONSTRAINT portal_statementschedule_task_after_days_check CHECK ((task_after_days >= 0)),
    CONSTRAINT statement_schedule_day CHECK (((day >= 1) AND (day <= 28)))
);


--
-- Name: portal_statementschedule_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.portal_statementschedule ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portal_statementschedule_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_journalentry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_journalentry (
    id bigint NOT NULL,
    number character varying(40) NOT NULL,
    "on" date NOT NULL,
    kind character varying(10) NOT NULL,
    currency character varying(3) NOT NULL,
    description character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    created_by_id integer NOT NULL,
    run_id bigint,
    recovery_id bigint,
    write_off_id bigint
);


--
-- Name: provisioning_journalentry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_journalentry ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_journalentry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_journalline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_journalline (
    id bigint NOT NULL,
    seq smallint NOT NULL,
    role character varying(10) NOT NULL,
    account character varying(20) NOT NULL,
    debit bigint NOT NULL,
    credit bigint NOT NULL,
    memo character varying(200) NOT NULL,
    entry_id bigint NOT NULL,
    CONSTRAINT journal_one_side CHECK ((((debit > 0) AND (credit = 0)) OR ((debit = 0) AND (credit > 0)))),
    CONSTRAINT provisioning_journalline_seq_check CHECK ((seq >= 0))
);


--
-- Name: provisioning_journalline_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_journalline ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_journalline_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_policyrate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_policyrate (
    id bigint NOT NULL,
    bucket_key character varying(20) NOT NULL,
    rate numeric(7,4) NOT NULL,
    policy_id bigint NOT NULL,
    CONSTRAINT policy_rate_percent CHECK (((rate >= (0)::numeric) AND (rate <= (100)::numeric)))
);


--
-- Name: provisioning_policyrate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_policyrate ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_policyrate_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_provisionpolicy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_provisionpolicy (
    id bigint NOT NULL,
    segment character varying(1) NOT NULL,
    method character varying(8) NOT NULL,
    balance_rate numeric(7,4) NOT NULL,
    rate_source character varying(8) NOT NULL,
    lookback_months smallint NOT NULL,
    forward_factor numeric(6,4) NOT NULL,
    derivation jsonb NOT NULL,
    loss_account character varying(20) NOT NULL,
    allowance_account character varying(20) NOT NULL,
    receivable_account character varying(20) NOT NULL,
    bank_account character varying(20) NOT NULL,
    single_approval_limit bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    bucket_set_id bigint,
    company_id bigint NOT NULL,
    updated_by_id integer,
    CONSTRAINT provisioning_provisionpolicy_lookback_months_check CHECK ((lookback_months >= 0))
);


--
-- Name: provisioning_provisionpolicy_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_provisionpolicy ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_provisionpolicy_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_provisionrun; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_provisionrun (
    id bigint NOT NULL,
    as_of date NOT NULL,
    status character varying(10) NOT NULL,
    currency character varying(3) NOT NULL,
    required bigint NOT NULL,
    booked bigint NOT NULL,
    difference bigint NOT NULL,
    policies jsonb NOT NULL,
    prepared_at timestamp with time zone NOT NULL,
    approved_at timestamp with time zone,
    approved_by_id integer,
    company_id bigint NOT NULL,
    prepared_by_id integer NOT NULL,
    superseded_by_id bigint,
    is_provisional boolean NOT NULL
);


--
-- Name: provisioning_provisionrun_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_provisionrun ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_provisionrun_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_recovery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_recovery (
    id bigint NOT NULL,
    "on" date NOT NULL,
    amount bigint NOT NULL,
    functional_amount bigint NOT NULL,
    receipt_posted_here boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    receipt_id bigint NOT NULL,
    recorded_by_id integer NOT NULL,
    reinstatement_id bigint NOT NULL,
    write_off_id bigint NOT NULL
);


--
-- Name: provisioning_recovery_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_recovery ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_recovery_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_runbucket; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_runbucket (
    id bigint NOT NULL,
    seq smallint NOT NULL,
    segment character varying(1) NOT NULL,
    method character varying(8) NOT NULL,
    bucket_key character varying(20) NOT NULL,
    label character varying(60) NOT NULL,
    balance bigint NOT NULL,
    rate numeric(7,4) NOT NULL,
    required bigint NOT NULL,
    run_id bigint NOT NULL,
    CONSTRAINT provisioning_runbucket_seq_check CHECK ((seq >= 0))
);


--
-- Name: provisioning_runbucket_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_runbucket ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_runbucket_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_runline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_runline (
    id bigint NOT NULL,
    balance bigint NOT NULL,
    required bigint NOT NULL,
    reason character varying(300) NOT NULL,
    bucket_id bigint,
    customer_id bigint NOT NULL,
    document_id bigint,
    run_id bigint NOT NULL
);


--
-- Name: provisioning_runline_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_runline ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_runline_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_specificprovision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_specificprovision (
    id bigint NOT NULL,
    rate numeric(7,4),
    amount bigint,
    reason character varying(300) NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    created_by_id integer,
    customer_id bigint NOT NULL,
    document_id bigint,
    CONSTRAINT specific_rate_or_amount CHECK ((((rate IS NOT NULL) AND (amount IS NULL)) OR ((rate IS NULL) AND (amount IS NOT NULL))))
);


--
-- Name: provisioning_specificprovision_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_specificprovision ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_specificprovision_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_writeoff; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_writeoff (
    id bigint NOT NULL,
    number character varying(40) NOT NULL,
    "on" date NOT NULL,
    currency character varying(3) NOT NULL,
    amount bigint NOT NULL,
    functional_amount bigint,
    reason character varying(300) NOT NULL,
    status character varying(10) NOT NULL,
    approvals_required smallint NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    rejection_reason character varying(300) NOT NULL,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    document_id bigint,
    rejected_by_id integer,
    requested_by_id integer NOT NULL,
    CONSTRAINT provisioning_writeoff_approvals_required_check CHECK ((approvals_required >= 0)),
    CONSTRAINT write_off_positive CHECK ((amount > 0))
);


--
-- Name: provisioning_writeoff_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_writeoff ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_writeoff_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_writeoffapproval; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_writeoffapproval (
    id bigint NOT NULL,
    approved_at timestamp with time zone NOT NULL,
    approved_by_id integer NOT NULL,
    write_off_id bigint NOT NULL
);


--
-- Name: provisioning_writeoffapproval_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_writeoffapproval ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_writeoffapproval_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: provisioning_writeoffitem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provisioning_writeoffitem (
    id bigint NOT NULL,
    amount bigint NOT NULL,
    functional_amount bigint,
    line_id bigint NOT NULL,
    write_off_id bigint NOT NULL
);


--
-- Name: provisioning_writeoffitem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.provisioning_writeoffitem ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.provisioning_writeoffitem_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_complaint; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_complaint (
    id bigint NOT NULL,
    category character varying(10) NOT NULL,
    severity character varying(10) NOT NULL,
    subject character varying(200) NOT NULL,
    description text NOT NULL,
    status character varying(12) NOT NULL,
    opened_on date NOT NULL,
    due_on date NOT NULL,
    escalated_on date,
    resolution text NOT NULL,
    resolved_on date,
    resolution_days integer,
    confirmed_on date,
    confirmation_note character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    contact_id bigint,
    created_by_id integer,
    customer_id bigint NOT NULL,
    escalated_to_id integer,
    owner_id integer,
    CONSTRAINT relations_complaint_resolution_days_check CHECK ((resolution_days >= 0))
);


--
-- Name: relations_complaint_disputes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_complaint_disputes (
    id bigint NOT NULL,
    complaint_id bigint NOT NULL,
    dispute_id bigint NOT NULL
);


--
-- Name: relations_complaint_disputes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_complaint_disputes ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_complaint_disputes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_complaint_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_complaint ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_complaint_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_complaint_lines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_complaint_lines (
    id bigint NOT NULL,
    complaint_id bigint NOT NULL,
    dueline_id bigint NOT NULL
);


--
-- Name: relations_complaint_lines_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_complaint_lines ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_complaint_lines_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_complaintevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_complaintevent (
    id bigint NOT NULL,
    status character varying(12) NOT NULL,
    is_escalation boolean NOT NULL,
    note text NOT NULL,
    "on" date NOT NULL,
    at timestamp with time zone NOT NULL,
    by_id integer,
    complaint_id bigint NOT NULL
);


--
-- Name: relations_complaintevent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_complaintevent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_complaintevent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_escalationmail; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_escalationmail (
    id bigint NOT NULL,
    email character varying(254) NOT NULL,
    language character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    send_error text NOT NULL,
    complaint_id bigint NOT NULL,
    recipient_id integer
);


--
-- Name: relations_escalationmail_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_escalationmail ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_escalationmail_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_interaction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_interaction (
    id bigint NOT NULL,
    channel character varying(10) NOT NULL,
    purpose character varying(20) NOT NULL,
    occurred_on date NOT NULL,
    outcome character varying(300) NOT NULL,
    note text NOT NULL,
    next_action character varying(200) NOT NULL,
    next_action_on date,
    logged_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    complaint_id bigint,
    contact_id bigint,
    customer_id bigint NOT NULL,
    logged_by_id integer
);


--
-- Name: relations_interaction_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_interaction ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_interaction_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_interactionattachment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_interactionattachment (
    id bigint NOT NULL,
    file character varying(100) NOT NULL,
    original_name character varying(255) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    interaction_id bigint NOT NULL,
    uploaded_by_id integer,
    CONSTRAINT relations_interactionattachment_size_check CHECK ((size >= 0))
);


--
-- Name: relations_interactionattachment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_interactionattachment ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_interactionattachment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_relationprofile; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_relationprofile (
    customer_id bigint NOT NULL,
    is_key_account boolean NOT NULL,
    owner_id integer
);


--
-- Name: relations_revisit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_revisit (
    id bigint NOT NULL,
    reason character varying(14) NOT NULL,
    source character varying(40) NOT NULL,
    channel character varying(10) NOT NULL,
    due_on date NOT NULL,
    note character varying(300) NOT NULL,
    status character varying(10) NOT NULL,
    done_on date,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    interaction_id bigint,
    owner_id integer
);


--
-- Name: relations_revisit_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_revisit ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_revisit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_survey; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_survey (
    id bigint NOT NULL,
    sent_on date NOT NULL,
    expires_on date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    sent_by_id integer,
    template_id bigint NOT NULL
);


--
-- Name: relations_survey_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_survey ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_survey_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_surveyanswer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_surveyanswer (
    id bigint NOT NULL,
    csat smallint,
    nps smallint,
    comment text NOT NULL,
    answered_on date NOT NULL,
    answered_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    survey_id bigint NOT NULL,
    invitation_id bigint NOT NULL,
    CONSTRAINT csat_1_to_5 CHECK ((((csat >= 1) AND (csat <= 5)) OR (csat IS NULL))),
    CONSTRAINT nps_0_to_10 CHECK ((((nps >= 0) AND (nps <= 10)) OR (nps IS NULL))),
    CONSTRAINT relations_surveyanswer_csat_check CHECK ((csat >= 0)),
    CONSTRAINT relations_surveyanswer_nps_check CHECK ((nps >= 0))
);


--
-- Name: relations_surveyanswer_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_surveyanswer ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_surveyanswer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_surveyinvitation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_surveyinvitation (
    id bigint NOT NULL,
    email character varying(254) NOT NULL,
    language character varying(10) NOT NULL,
    nonce character varying(32) NOT NULL,
    sent_at timestamp with time zone,
    send_error text NOT NULL,
    reminded_at timestamp with time zone,
    answered_at timestamp with time zone,
    company_id bigint NOT NULL,
    contact_id bigint,
    customer_id bigint NOT NULL,
    survey_id bigint NOT NULL
);


--
-- Name: relations_surveyinvitation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_surveyinvitation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_surveyinvitation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: relations_surveytemplate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relations_surveytemplate (
    id bigint NOT NULL,
    code character varying(20) NOT NULL,
    name character varying(100) NOT NULL,
    name_zh character varying(100) NOT NULL,
    intro_en text NOT NULL,
    intro_zh text NOT NULL,
    csat_en character varying(300) NOT NULL,
    csat_zh character varying(300) NOT NULL,
    nps_en character varying(300) NOT NULL,
    nps_zh character varying(300) NOT NULL,
    comment_en character varying(300) NOT NULL,
    comment_zh character varying(300) NOT NULL,
    valid_days smallint NOT NULL,
    remind_after_days smallint NOT NULL,
    is_active boolean NOT NULL,
    CONSTRAINT relations_surveytemplate_remind_after_days_check CHECK ((remind_after_days >= 0)),
    CONSTRAINT relations_surveytemplate_valid_days_check CHECK ((valid_days >= 0))
);


--
-- Name: relations_surveytemplate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.relations_surveytemplate ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.relations_surveytemplate_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reports_agingsnapshot; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports_agingsnapshot (
    id bigint NOT NULL,
    as_of date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_id integer,
    bucket_set_id bigint NOT NULL
);


--
-- Name: reports_agingsnapshot_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.reports_agingsnapshot ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reports_agingsnapshot_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reports_agingsnapshotrow; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports_agingsnapshotrow (
    id bigint NOT NULL,
    currency character varying(3) NOT NULL,
    bucket character varying(20) NOT NULL,
    amount bigint NOT NULL,
    functional_amount bigint NOT NULL,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    snapshot_id bigint NOT NULL
);


--
-- Name: reports_agingsnapshotrow_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.reports_agingsnapshotrow ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reports_agingsnapshotrow_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reports_bucket; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports_bucket (
    id bigint NOT NULL,
    seq smallint NOT NULL,
    key character varying(20) NOT NULL,
    label character varying(50) NOT NULL,
    label_zh character varying(50) NOT NULL,
    upper integer,
    bucket_set_id bigint NOT NULL,
    CONSTRAINT reports_bucket_seq_check CHECK ((seq >= 0))
);


--
-- Name: reports_bucket_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.reports_bucket ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reports_bucket_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reports_bucketset; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports_bucketset (
    id bigint NOT NULL,
    code character varying(30) NOT NULL,
    name character varying(100) NOT NULL,
    name_zh character varying(100) NOT NULL,
    basis character varying(10) NOT NULL,
    unit character varying(6) NOT NULL,
    is_default boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: reports_bucketset_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.reports_bucketset ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reports_bucketset_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reports_exchangeday_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_exchangeday ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reports_exchangeday_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reports_keptaging; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports_keptaging (
    id bigint NOT NULL,
    as_of date NOT NULL,
    limits character varying(200) NOT NULL,
    documents_upto bigint NOT NULL,
    allocations_upto bigint NOT NULL,
    changes_upto bigint NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    bucket_set_id bigint NOT NULL
);


--
-- Name: reports_keptaging_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.reports_keptaging ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reports_keptaging_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reports_keptagingrow; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports_keptagingrow (
    id bigint NOT NULL,
    seq integer NOT NULL,
    code character varying(32) NOT NULL,
    name character varying(200) NOT NULL,
    company_code character varying(20) NOT NULL,
    b0 bigint DEFAULT 0 NOT NULL,
    b1 bigint DEFAULT 0 NOT NULL,
    b2 bigint DEFAULT 0 NOT NULL,
    b3 bigint DEFAULT 0 NOT NULL,
    b4 bigint DEFAULT 0 NOT NULL,
    b5 bigint DEFAULT 0 NOT NULL,
    b6 bigint DEFAULT 0 NOT NULL,
    b7 bigint DEFAULT 0 NOT NULL,
    b8 bigint DEFAULT 0 NOT NULL,
    b9 bigint DEFAULT 0 NOT NULL,
    b10 bigint DEFAULT 0 NOT NULL,
    b11 bigint DEFAULT 0 NOT NULL,
    u bigint DEFAULT 0 NOT NULL,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kept_id bigint NOT NULL
);


--
-- Name: reports_keptagingrow_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.reports_keptagingrow ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reports_keptagingrow_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reports_keptchange; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports_keptchange (
    id bigint NOT NULL,
    customer_id bigint
);


--
-- Name: reports_keptchange_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.reports_keptchange ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reports_keptchange_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reports_ledgerday_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ledger_ledgerday ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.reports_ledgerday_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: risk_alert; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_alert (
    id bigint NOT NULL,
    severity character varying(6) NOT NULL,
    changes jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    email_pending boolean NOT NULL,
    emailed_at timestamp with time zone,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: risk_alert_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.risk_alert ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.risk_alert_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: risk_alertemail; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_alertemail (
    id bigint NOT NULL,
    kind character varying(10) NOT NULL,
    sent_on date NOT NULL,
    alerts integer NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    user_id integer NOT NULL,
    CONSTRAINT risk_alertemail_alerts_check CHECK ((alerts >= 0))
);


--
-- Name: risk_alertemail_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.risk_alertemail ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.risk_alertemail_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: risk_riskconfig; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_riskconfig (
    id bigint NOT NULL,
    version integer NOT NULL,
    config jsonb NOT NULL,
    note character varying(300) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    created_by_id integer,
    CONSTRAINT risk_riskconfig_version_check CHECK ((version >= 0))
);


--
-- Name: risk_riskconfig_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.risk_riskconfig ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.risk_riskconfig_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: risk_riskscan; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_riskscan (
    id bigint NOT NULL,
    as_of date NOT NULL,
    customers integer NOT NULL,
    signals integer NOT NULL,
    new_signals integer NOT NULL,
    cleared integer NOT NULL,
    watch_added integer NOT NULL,
    alerts integer NOT NULL,
    seconds numeric(8,2) NOT NULL,
    portfolio jsonb NOT NULL,
    ran_at timestamp with time zone NOT NULL,
    company_id bigint NOT NULL,
    config_id bigint,
    CONSTRAINT risk_riskscan_alerts_check CHECK ((alerts >= 0)),
    CONSTRAINT risk_riskscan_cleared_check CHECK ((cleared >= 0)),
    CONSTRAINT risk_riskscan_customers_check CHECK ((customers >= 0)),
    CONSTRAINT risk_riskscan_new_signals_check CHECK ((new_signals >= 0)),
    CONSTRAINT risk_riskscan_signals_check CHECK ((signals >= 0)),
    CONSTRAINT risk_riskscan_watch_added_check CHECK ((watch_added >= 0))
);


--
-- Name: risk_riskscan_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.risk_riskscan ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.risk_riskscan_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: risk_risksignal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_risksignal (
    id bigint NOT NULL,
    kind character varying(20) NOT NULL,
    severity character varying(6) NOT NULL,
    measure numeric(14,2) NOT NULL,
    figures jsonb NOT NULL,
    currency character varying(3) NOT NULL,
    status character varying(10) NOT NULL,
    first_seen_on date NOT NULL,
    last_seen_on date NOT NULL,
    cleared_on date,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL
);


--
-- Name: risk_risksignal_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.risk_risksignal ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.risk_risksignal_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: risk_watchaction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_watchaction (
    id bigint NOT NULL,
    kind character varying(12) NOT NULL,
    note character varying(300) NOT NULL,
    due_on date,
    created_at timestamp with time zone NOT NULL,
    done_at timestamp with time zone,
    created_by_id integer,
    done_by_id integer,
    entry_id bigint NOT NULL
);


--
-- Name: risk_watchaction_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.risk_watchaction ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.risk_watchaction_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: risk_watchentry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_watchentry (
    id bigint NOT NULL,
    source character varying(4) NOT NULL,
    reason character varying(500) NOT NULL,
    rule_signals jsonb NOT NULL,
    rule_points character varying(12) NOT NULL,
    review_on date NOT NULL,
    status character varying(6) NOT NULL,
    opened_on date NOT NULL,
    closed_on date,
    decision character varying(500) NOT NULL,
    closed_by_id integer,
    company_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    opened_by_id integer,
    owner_id integer
);


--
-- Name: risk_watchentry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.risk_watchentry ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.risk_watchentry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Data for Name: accounts_apitoken; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: accounts_preference; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_auditchainhead; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_auditevent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_group; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.auth_group VALUES
	(1, 'ar_accountant'),
	(2, 'credit_analyst'),
	(3, 'collector'),
	(4, 'finance_manager'),
	(5, 'internal_auditor'),
	(6, 'administrator');


--
-- Data for Name: auth_group_permissions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.auth_group_permissions VALUES
	(1, 1, 53),
	(2, 1, 58),
	(3, 1, 62),
	(4, 1, 50),
	(5, 1, 51),
	(6, 1, 52),
	(7, 1, 55),
	(8, 1, 56),
	(9, 1, 57),
	(10, 1, 59),
	(11, 1, 61),
	(12, 1, 54),
	(13, 1, 41),
	(14, 2, 53),
	(15, 2, 58),
	(16, 2, 62),
	(17, 2, 51),
	(18, 2, 59),
	(19, 2, 41),
	(20, 3, 53),
	(21, 3, 58),
	(22, 3, 62),
	(23, 3, 55),
	(24, 3, 56),
	(25, 3, 41),
	(26, 4, 53),
	(27, 4, 58),
	(28, 4, 62),
	(29, 4, 51),
	(30, 4, 54),
	(31, 4, 41),
	(32, 4, 16),
	(33, 5, 53),
	(34, 5, 58),
	(35, 5, 62),
	(36, 5, 41),
	(37, 5, 45),
	(38, 5, 16),
	(39, 5, 17),
	(40, 5, 29),
	(41, 5, 25),
	(42, 5, 4),
	(43, 6, 53),
	(44, 6, 41),
	(45, 6, 38),
	(46, 6, 39),
	(47, 6, 45),
	(48, 6, 42),
	(49, 6, 44),
	(50, 6, 29),
	(51, 6, 26),
	(52, 6, 27),
	(53, 6, 25),
	(54, 6, 23),
	(55, 6, 4),
	(56, 6, 2),
	(57, 6, 16),
	(58, 6, 17),
	(59, 6, 33),
	(60, 6, 32),
	(61, 1, 83),
	(62, 1, 82),
	(63, 1, 87),
	(64, 2, 83),
	(65, 2, 82),
	(66, 2, 87),
	(67, 3, 83),
	(68, 3, 82),
	(69, 3, 87),
	(70, 4, 83),
	(71, 4, 82),
	(72, 4, 87),
	(73, 4, 79),
	(74, 4, 80),
	(75, 4, 81),
	(76, 4, 84),
	(77, 5, 83),
	(78, 5, 82),
	(79, 5, 87),
	(80, 1, 103),
	(81, 1, 111),
	(82, 1, 107),
	(83, 1, 99),
	(84, 1, 115),
	(85, 1, 119),
	(86, 1, 100),
	(87, 1, 108),
	(88, 1, 116),
	(89, 1, 112),
	(90, 1, 113),
	(91, 1, 96),
	(92, 1, 97),
	(93, 2, 103),
	(94, 2, 111),
	(95, 2, 107),
	(96, 2, 99),
	(97, 2, 115),
	(98, 2, 119),
	(99, 3, 103),
	(100, 3, 111),
	(101, 3, 107),
	(102, 3, 99),
	(103, 3, 115),
	(104, 3, 119),
	(105, 4, 103),
	(106, 4, 111),
	(107, 4, 107),
	(108, 4, 99),
	(109, 4, 115),
	(110, 4, 119),
	(111, 4, 112),
	(112, 4, 113),
	(113, 4, 96),
	(114, 4, 97),
	(115, 5, 103),
	(116, 5, 111),
	(117, 5, 107),
	(118, 5, 99),
	(119, 5, 115),
	(120, 5, 119),
	(121, 1, 135),
	(122, 1, 139),
	(123, 1, 152),
	(124, 1, 131),
	(125, 1, 143),
	(126, 1, 148),
	(127, 1, 132),
	(128, 1, 133),
	(129, 1, 136),
	(130, 1, 150),
	(131, 4, 135),
	(132, 4, 139),
	(133, 4, 152),
	(134, 4, 131),
	(135, 4, 143),
	(136, 4, 148),
	(137, 4, 144),
	(138, 5, 135),
	(139, 5, 139),
	(140, 5, 152),
	(141, 5, 131),
	(142, 5, 143),
	(143, 5, 148),
	(144, 1, 213),
	(145, 1, 217),
	(146, 1, 225),
	(147, 1, 239),
	(148, 1, 192),
	(149, 1, 255),
	(150, 1, 196),
	(151, 1, 235),
	(152, 1, 193),
	(153, 1, 197),
	(154, 2, 213),
	(155, 2, 217),
	(156, 2, 225),
	(157, 2, 239),
	(158, 2, 192),
	(159, 2, 255),
	(160, 2, 196),
	(161, 2, 235),
	(162, 3, 213),
	(163, 3, 217),
	(164, 3, 225),
	(165, 3, 239),
	(166, 3, 192),
	(167, 3, 255),
	(168, 3, 196),
	(169, 3, 235),
	(170, 3, 226),
	(171, 3, 222),
	(172, 3, 237),
	(173, 3, 189),
	(174, 3, 252),
	(175, 3, 193),
	(176, 3, 194),
	(177, 3, 227),
	(178, 4, 213),
	(179, 4, 217),
	(180, 4, 225),
	(181, 4, 239),
	(182, 4, 192),
	(183, 4, 255),
	(184, 4, 196),
	(185, 4, 235),
	(186, 4, 226),
	(187, 4, 222),
	(188, 4, 237),
	(189, 4, 210),
	(190, 4, 211),
	(191, 4, 219),
	(192, 4, 189),
	(193, 4, 252),
	(194, 4, 193),
	(195, 4, 194),
	(196, 4, 197),
	(197, 4, 227),
	(198, 5, 213),
	(199, 5, 217),
	(200, 5, 225),
	(201, 5, 239),
	(202, 5, 192),
	(203, 5, 255),
	(204, 5, 196),
	(205, 5, 235),
	(206, 5, 226),
	(216, 1, 306),
	(217, 1, 312),
	(218, 1, 316),
	(219, 1, 303),
	(220, 1, 304),
	(221, 1, 308),
	(222, 2, 306),
	(223, 2, 312),
	(224, 2, 316),
	(225, 2, 308),
	(226, 4, 306),
	(227, 4, 312),
	(228, 4, 316),
	(229, 4, 303),
	(230, 4, 304),
	(231, 4, 307),
	(232, 4, 308),
	(233, 4, 300),
	(234, 4, 313),
	(235, 4, 314),
	(236, 5, 306),
	(237, 5, 312),
	(238, 5, 316),
	(239, 5, 308),
	(240, 1, 325),
	(241, 1, 320),
	(242, 1, 330),
	(243, 1, 339),
	(244, 1, 343),
	(245, 1, 327),
	(246, 1, 340),
	(247, 4, 325),
	(248, 4, 320),
	(249, 4, 330),
	(250, 4, 339),
	(251, 4, 343),
	(252, 4, 327),
	(253, 4, 331),
	(254, 4, 340),
	(255, 4, 326),
	(256, 4, 317),
	(257, 4, 321),
	(258, 5, 325),
	(259, 5, 320),
	(260, 5, 330),
	(261, 5, 339),
	(262, 5, 343),
	(263, 4, 348),
	(264, 1, 284),
	(265, 1, 279),
	(266, 1, 267),
	(267, 1, 288),
	(268, 1, 298),
	(269, 1, 271),
	(270, 1, 293),
	(271, 1, 275),
	(272, 1, 263),
	(273, 1, 280),
	(274, 2, 284),
	(275, 2, 279),
	(276, 2, 267),
	(277, 2, 288),
	(278, 2, 298),
	(279, 2, 271),
	(280, 2, 293),
	(281, 2, 275),
	(282, 2, 263),
	(283, 2, 281),
	(284, 2, 282),
	(285, 2, 283),
	(286, 2, 268),
	(287, 2, 277),
	(288, 2, 290),
	(289, 2, 272),
	(290, 2, 273),
	(291, 2, 280),
	(292, 3, 284),
	(293, 3, 279),
	(294, 3, 267),
	(295, 3, 288),
	(296, 3, 298),
	(297, 3, 271),
	(298, 3, 293),
	(299, 3, 275),
	(300, 3, 263),
	(301, 4, 284),
	(302, 4, 279),
	(303, 4, 267),
	(304, 4, 288),
	(305, 4, 298),
	(306, 4, 271),
	(307, 4, 293),
	(308, 4, 275),
	(309, 4, 263),
	(310, 4, 268),
	(311, 4, 277),
	(312, 4, 264),
	(313, 4, 265),
	(314, 4, 295),
	(315, 4, 257),
	(316, 4, 259),
	(317, 4, 294),
	(318, 4, 289),
	(319, 4, 290),
	(320, 4, 273),
	(321, 4, 280),
	(322, 5, 284),
	(323, 5, 279),
	(324, 5, 267),
	(325, 5, 288),
	(326, 5, 298),
	(327, 5, 271),
	(328, 5, 293),
	(329, 5, 275),
	(330, 5, 263),
	(331, 1, 352),
	(332, 2, 352),
	(333, 2, 349),
	(334, 4, 352),
	(335, 4, 349),
	(336, 4, 353),
	(337, 5, 352),
	(338, 1, 389),
	(339, 1, 393),
	(340, 2, 389),
	(341, 2, 393),
	(342, 2, 386),
	(343, 3, 389),
	(344, 3, 393),
	(345, 4, 389),
	(346, 4, 393),
	(347, 4, 386),
	(348, 5, 389),
	(349, 5, 393),
	(350, 4, 394),
	(351, 1, 406),
	(352, 1, 410),
	(353, 1, 414),
	(354, 1, 403),
	(355, 1, 404),
	(356, 3, 406),
	(357, 3, 410),
	(358, 3, 414),
	(359, 3, 403),
	(360, 4, 406),
	(361, 4, 410),
	(362, 4, 414),
	(363, 4, 404),
	(364, 5, 406),
	(365, 5, 410),
	(366, 5, 414),
	(367, 1, 426),
	(368, 1, 431),
	(369, 1, 435),
	(370, 1, 423),
	(371, 1, 427),
	(372, 1, 432),
	(373, 1, 433),
	(374, 4, 426),
	(375, 4, 431),
	(376, 4, 435),
	(377, 4, 427),
	(378, 4, 432),
	(379, 4, 433),
	(380, 3, 426),
	(381, 3, 431),
	(382, 3, 435),
	(383, 5, 426),
	(384, 5, 431),
	(385, 5, 435),
	(386, 1, 443),
	(387, 1, 464),
	(388, 1, 451),
	(389, 1, 468),
	(390, 1, 473),
	(391, 1, 477),
	(392, 1, 448),
	(393, 1, 465),
	(394, 1, 470),
	(395, 2, 443),
	(396, 2, 464),
	(397, 2, 451),
	(398, 2, 468),
	(399, 2, 473),
	(400, 2, 477),
	(401, 4, 443),
	(402, 4, 464),
	(403, 4, 451),
	(404, 4, 468),
	(405, 4, 473),
	(406, 4, 477),
	(407, 4, 441),
	(408, 4, 461),
	(409, 4, 448),
	(410, 4, 452),
	(411, 4, 465),
	(412, 4, 469),
	(413, 4, 470),
	(414, 5, 443),
	(415, 5, 464),
	(416, 5, 451),
	(417, 5, 468),
	(418, 5, 473),
	(419, 5, 477),
	(420, 1, 506),
	(421, 1, 497),
	(422, 1, 522),
	(423, 1, 493),
	(424, 1, 518),
	(425, 1, 514),
	(426, 1, 503),
	(427, 1, 494),
	(428, 2, 506),
	(429, 2, 497),
	(430, 2, 522),
	(431, 2, 493),
	(432, 2, 518),
	(433, 2, 514),
	(434, 2, 503),
	(435, 3, 506),
	(436, 3, 497),
	(437, 3, 522),
	(438, 3, 493),
	(439, 3, 518),
	(440, 3, 514),
	(441, 3, 503),
	(442, 3, 494),
	(443, 3, 495),
	(444, 3, 515),
	(445, 3, 516),
	(446, 4, 506),
	(447, 4, 497),
	(448, 4, 522),
	(449, 4, 493),
	(450, 4, 518),
	(451, 4, 514),
	(452, 4, 503),
	(453, 4, 494),
	(454, 4, 495),
	(455, 4, 515),
	(456, 4, 516),
	(457, 4, 523),
	(458, 4, 490),
	(459, 4, 491),
	(460, 4, 512),
	(461, 4, 498),
	(462, 5, 506),
	(463, 5, 497),
	(464, 5, 522),
	(465, 5, 493),
	(466, 5, 518),
	(467, 5, 514),
	(468, 1, 547),
	(469, 1, 552),
	(470, 1, 556),
	(471, 1, 560),
	(472, 2, 547),
	(473, 2, 552),
	(474, 2, 556),
	(475, 2, 560),
	(476, 2, 548),
	(477, 2, 540),
	(478, 2, 543),
	(479, 2, 539),
	(480, 2, 549),
	(481, 2, 550),
	(482, 2, 553),
	(483, 2, 554),
	(484, 3, 547),
	(485, 3, 552),
	(486, 3, 556),
	(487, 3, 560),
	(488, 3, 553),
	(489, 3, 554),
	(490, 4, 547),
	(491, 4, 552),
	(492, 4, 556),
	(493, 4, 560),
	(494, 4, 548),
	(495, 4, 540),
	(496, 4, 543),
	(497, 4, 539),
	(498, 4, 536),
	(499, 4, 549),
	(500, 4, 550),
	(501, 4, 553),
	(502, 4, 554),
	(503, 5, 547),
	(504, 5, 552),
	(505, 5, 556),
	(506, 5, 560),
	(507, 5, 548),
	(508, 5, 543),
	(509, 5, 539);


--
-- Data for Name: auth_permission; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.auth_permission VALUES
	(1, 'Can add API token', 1, 'add_apitoken'),
	(2, 'Can change API token', 1, 'change_apitoken'),
	(3, 'Can delete API token', 1, 'delete_apitoken'),
	(4, 'Can view API token', 1, 'view_apitoken'),
	(5, 'Can add preference', 2, 'add_preference'),
	(6, 'Can change preference', 2, 'change_preference'),
	(7, 'Can delete preference', 2, 'delete_preference'),
	(8, 'Can view preference', 2, 'view_preference'),
	(9, 'Can add audit chain head', 3, 'add_auditchainhead'),
	(10, 'Can change audit chain head', 3, 'change_auditchainhead'),
	(11, 'Can delete audit chain head', 3, 'delete_auditchainhead'),
	(12, 'Can view audit chain head', 3, 'view_auditchainhead'),
	(13, 'Can add audit event', 4, 'add_auditevent'),
	(14, 'Can change audit event', 4, 'change_auditevent'),
	(15, 'Can delete audit event', 4, 'delete_auditevent'),
	(16, 'Can view audit event', 4, 'view_auditevent'),
	(17, 'Can verify the audit trail', 4, 'verify_auditevent'),
	(18, 'Can add permission', 5, 'add_permission'),
	(19, 'Can change permission', 5, 'change_permission'),
	(20, 'Can delete permission', 5, 'delete_permission'),
	(21, 'Can view permission', 5, 'view_permission'),
	(22, 'Can add group', 6, 'add_group'),
	(23, 'Can change group', 6, 'change_group'),
	(24, 'Can delete group', 6, 'delete_group'),
	(25, 'Can view group', 6, 'view_group'),
	(26, 'Can add user', 7, 'add_user'),
	(27, 'Can change user', 7, 'change_user'),
	(28, 'Can delete user', 7, 'delete_user'),
	(29, 'Can view user', 7, 'view_user'),
	(30, 'Can add access attempt', 8, 'add_accessattempt'),
	(31, 'Can change access attempt', 8, 'change_accessattempt'),
	(32, 'Can delete access attempt', 8, 'delete_accessattempt'),
	(33, 'Can view access attempt', 8, 'view_accessattempt'),
	(34, 'Can add access log', 9, 'add_accesslog'),
	(35, 'Can change access log', 9, 'change_accesslog'),
	(36, 'Can delete access log', 9, 'delete_accesslog'),
	(37, 'Can view access log', 9, 'view_accesslog'),
	(38, 'Can add company', 10, 'add_company'),
	(39, 'Can change company', 10, 'change_company'),
	(40, 'Can delete company', 10, 'delete_company'),
	(41, 'Can view company', 10, 'view_company'),
	(42, 'Can add company access', 11, 'add_companygrant'),
	(43, 'Can change company access', 11, 'change_companygrant'),
	(44, 'Can delete company access', 11, 'delete_companygrant'),
	(45, 'Can view company access', 11, 'view_companygrant'),
	(46, 'Can add content type', 12, 'add_contenttype'),
	(47, 'Can change content type', 12, 'change_contenttype'),
	(48, 'Can delete content type', 12, 'delete_contenttype'),
	(49, 'Can view content type', 12, 'view_contenttype'),
	(50, 'Can add customer', 13, 'add_customer'),
	(51, 'Can change customer', 13, 'change_customer'),
	(52, 'Can delete customer', 13, 'delete_customer'),
	(53, 'Can view customer', 13, 'view_customer'),
	(54, 'Can see bank accounts and ID numbers unmasked', 13, 'view_sensitive'),
	(55, 'Can add contact', 14, 'add_contact'),
	(56, 'Can change contact', 14, 'change_contact'),
	(57, 'Can delete contact', 14, 'delete_contact'),
	(58, 'Can view contact', 14, 'view_contact'),
	(59, 'Can add attachment', 15, 'add_customerattachment'),
	(60, 'Can change attachment', 15, 'change_customerattachment'),
	(61, 'Can delete attachment', 15, 'delete_customerattachment'),
	(62, 'Can view attachment', 15, 'view_customerattachment'),
	(63, 'Can add status change', 16, 'add_customerstatuschange'),
	(64, 'Can change status change', 16, 'change_customerstatuschange'),
	(65, 'Can delete status change', 16, 'delete_customerstatuschange'),
	(66, 'Can view status change', 16, 'view_customerstatuschange'),
	(67, 'Can add log entry', 17, 'add_logentry'),
	(68, 'Can change log entry', 17, 'change_logentry'),
	(69, 'Can delete log entry', 17, 'delete_logentry'),
	(70, 'Can view log entry', 17, 'view_logentry'),
	(71, 'Can add access failure', 18, 'add_accessfailurelog'),
	(72, 'Can change access failure', 18, 'change_accessfailurelog'),
	(73, 'Can delete access failure', 18, 'delete_accessfailurelog'),
	(74, 'Can view access failure', 18, 'view_accessfailurelog'),
	(75, 'Can add access attempt expiration', 19, 'add_accessattemptexpiration'),
	(76, 'Can change access attempt expiration', 19, 'change_accessattemptexpiration'),
	(77, 'Can delete access attempt expiration', 19, 'delete_accessattemptexpiration'),
	(78, 'Can view access attempt expiration', 19, 'view_accessattemptexpiration'),
	(79, 'Can add aging bucket set', 20, 'add_bucketset'),
	(80, 'Can change aging bucket set', 20, 'change_bucketset'),
	(81, 'Can delete aging bucket set', 20, 'delete_bucketset'),
	(82, 'Can view aging bucket set', 20, 'view_bucketset'),
	(83, 'Can view aging and KPI reports', 20, 'view_reports'),
	(84, 'Can add aging snapshot', 21, 'add_agingsnapshot'),
	(85, 'Can change aging snapshot', 21, 'change_agingsnapshot'),
	(86, 'Can delete aging snapshot', 21, 'delete_agingsnapshot'),
	(87, 'Can view aging snapshot', 21, 'view_agingsnapshot'),
	(88, 'Can add aging snapshot row', 22, 'add_agingsnapshotrow'),
	(89, 'Can change aging snapshot row', 22, 'change_agingsnapshotrow'),
	(90, 'Can delete aging snapshot row', 22, 'delete_agingsnapshotrow'),
	(91, 'Can view aging snapshot row', 22, 'view_agingsnapshotrow'),
	(92, 'Can add aging bucket', 23, 'add_bucket'),
	(93, 'Can change aging bucket', 23, 'change_bucket'),
	(94, 'Can delete aging bucket', 23, 'delete_bucket'),
	(95, 'Can view aging bucket', 23, 'view_bucket'),
	(96, 'Can add payment term', 24, 'add_paymentterm'),
	(97, 'Can change payment term', 24, 'change_paymentterm'),
	(98, 'Can delete payment term', 24, 'delete_paymentterm'),
	(99, 'Can view payment term', 24, 'view_paymentterm'),
	(100, 'Can add document', 25, 'add_document'),
	(101, 'Can change document', 25, 'change_document'),
	(102, 'Can delete document', 25, 'delete_document'),
	(103, 'Can view document', 25, 'view_document'),
	(104, 'Can add due line', 26, 'add_dueline'),
	(105, 'Can change due line', 26, 'change_dueline'),
	(106, 'Can delete due line', 26, 'delete_dueline'),
	(107, 'Can view due line', 26, 'view_dueline'),
	(108, 'Can add allocation', 27, 'add_allocation'),
	(109, 'Can change allocation', 27, 'change_allocation'),
	(110, 'Can delete allocation', 27, 'delete_allocation'),
	(111, 'Can view allocation', 27, 'view_allocation'),
	(112, 'Can add exchange rate', 28, 'add_exchangerate'),
	(113, 'Can change exchange rate', 28, 'change_exchangerate'),
	(114, 'Can delete exchange rate', 28, 'delete_exchangerate'),
	(115, 'Can view exchange rate', 28, 'view_exchangerate'),
	(116, 'Can add import', 29, 'add_importbatch'),
	(117, 'Can change import', 29, 'change_importbatch'),
	(118, 'Can delete import', 29, 'delete_importbatch'),
	(119, 'Can view import', 29, 'view_importbatch'),
	(120, 'Can add customer payment term', 30, 'add_customerterms'),
	(121, 'Can change customer payment term', 30, 'change_customerterms'),
	(122, 'Can delete customer payment term', 30, 'delete_customerterms'),
	(123, 'Can view customer payment term', 30, 'view_customerterms'),
	(124, 'Can add instalment', 31, 'add_paymentterminstalment'),
	(125, 'Can change instalment', 31, 'change_paymentterminstalment'),
	(126, 'Can delete instalment', 31, 'delete_paymentterminstalment'),
	(127, 'Can view instalment', 31, 'view_paymentterminstalment'),
	(128, 'Can add receipt from the bank', 32, 'add_application'),
	(129, 'Can change receipt from the bank', 32, 'change_application'),
	(130, 'Can delete receipt from the bank', 32, 'delete_application'),
	(131, 'Can view receipt from the bank', 32, 'view_application'),
	(132, 'Can add bank account', 33, 'add_bankaccount'),
	(133, 'Can change bank account', 33, 'change_bankaccount'),
	(134, 'Can delete bank account', 33, 'delete_bankaccount'),
	(135, 'Can view bank account', 33, 'view_bankaccount'),
	(136, 'Can add bank statement', 34, 'add_bankstatement'),
	(137, 'Can change bank statement', 34, 'change_bankstatement'),
	(138, 'Can delete bank statement', 34, 'delete_bankstatement'),
	(139, 'Can view bank statement', 34, 'view_bankstatement'),
	(140, 'Can add payment difference', 35, 'add_difference'),
	(141, 'Can change payment difference', 35, 'change_difference'),
	(142, 'Can delete payment difference', 35, 'delete_difference'),
	(143, 'Can view payment difference', 35, 'view_difference'),
	(144, 'Can approve short-payment write-offs', 35, 'approve_difference'),
	(145, 'Can add payer alias', 36, 'add_payeralias'),
	(146, 'Can change payer alias', 36, 'change_payeralias'),
	(147, 'Can delete payer alias', 36, 'delete_payeralias'),
	(148, 'Can view payer alias', 36, 'view_payeralias'),
	(149, 'Can add statement line', 37, 'add_statementline'),
	(150, 'Can change statement line', 37, 'change_statementline'),
	(151, 'Can delete statement line', 37, 'delete_statementline'),
	(152, 'Can view statement line', 37, 'view_statementline'),
	(153, 'Can add import job', 38, 'add_importjob'),
	(154, 'Can change import job', 38, 'change_importjob'),
	(155, 'Can delete import job', 38, 'delete_importjob'),
	(156, 'Can view import job', 38, 'view_importjob'),
	(157, 'Can add statement run', 39, 'add_statementrun'),
	(158, 'Can change statement run', 39, 'change_statementrun'),
	(159, 'Can delete statement run', 39, 'delete_statementrun'),
	(160, 'Can view statement run', 39, 'view_statementrun'),
	(161, 'Can add exchange differences of a day', 40, 'add_exchangeday'),
	(162, 'Can change exchange differences of a day', 40, 'change_exchangeday'),
	(163, 'Can delete exchange differences of a day', 40, 'delete_exchangeday'),
	(164, 'Can view exchange differences of a day', 40, 'view_exchangeday'),
	(165, 'Can add ledger day', 41, 'add_ledgerday'),
	(166, 'Can change ledger day', 41, 'change_ledgerday'),
	(167, 'Can delete ledger day', 41, 'delete_ledgerday'),
	(168, 'Can view ledger day', 41, 'view_ledgerday'),
	(169, 'Can add exchange differences of a day', 42, 'add_exchangeday'),
	(170, 'Can change exchange differences of a day', 42, 'change_exchangeday'),
	(171, 'Can delete exchange differences of a day', 42, 'delete_exchangeday'),
	(172, 'Can view exchange differences of a day', 42, 'view_exchangeday'),
	(173, 'Can add ledger day', 43, 'add_ledgerday'),
	(174, 'Can change ledger day', 43, 'change_ledgerday'),
	(175, 'Can delete ledger day', 43, 'delete_ledgerday'),
	(176, 'Can view ledger day', 43, 'view_ledgerday'),
	(177, 'Can add kept aging', 44, 'add_keptaging'),
	(178, 'Can change kept aging', 44, 'change_keptaging'),
	(179, 'Can delete kept aging', 44, 'delete_keptaging'),
	(180, 'Can view kept aging', 44, 'view_keptaging'),
	(181, 'Can add change seen by the kept aging', 45, 'add_keptchange'),
	(182, 'Can change change seen by the kept aging', 45, 'change_keptchange'),
	(183, 'Can delete change seen by the kept aging', 45, 'delete_keptchange'),
	(184, 'Can view change seen by the kept aging', 45, 'view_keptchange'),
	(185, 'Can add kept aging row', 46, 'add_keptagingrow'),
	(186, 'Can change kept aging row', 46, 'change_keptagingrow'),
	(187, 'Can delete kept aging row', 46, 'delete_keptagingrow'),
	(188, 'Can view kept aging row', 46, 'view_keptagingrow'),
	(189, 'Can add contact log entry', 47, 'add_contactlog'),
	(190, 'Can change contact log entry', 47, 'change_contactlog'),
	(191, 'Can delete contact log entry', 47, 'delete_contactlog'),
	(192, 'Can view contact log entry', 47, 'view_contactlog'),
	(193, 'Can add dispute', 48, 'add_dispute'),
	(194, 'Can change dispute', 48, 'change_dispute'),
	(195, 'Can delete dispute', 48, 'delete_dispute'),
	(196, 'Can view dispute', 48, 'view_dispute'),
	(197, 'Can resolve a dispute (credit note, rejection)', 48, 'resolve_dispute'),
	(198, 'Can add dispute attachment', 49, 'add_disputeattachment'),
	(199, 'Can change dispute attachment', 49, 'change_disputeattachment'),
	(200, 'Can delete dispute attachment', 49, 'delete_disputeattachment'),
	(201, 'Can view dispute attachment', 49, 'view_disputeattachment'),
	(202, 'Can add dispute item', 50, 'add_disputeitem'),
	(203, 'Can change dispute item', 50, 'change_disputeitem'),
	(204, 'Can delete dispute item', 50, 'delete_disputeitem'),
	(205, 'Can view dispute item', 50, 'view_disputeitem'),
	(206, 'Can add dispute note', 51, 'add_disputenote'),
	(207, 'Can change dispute note', 51, 'change_disputenote'),
	(208, 'Can delete dispute note', 51, 'delete_disputenote'),
	(209, 'Can view dispute note', 51, 'view_disputenote'),
	(210, 'Can add dunning policy', 52, 'add_dunningpolicy'),
	(211, 'Can change dunning policy', 52, 'change_dunningpolicy'),
	(212, 'Can delete dunning policy', 52, 'delete_dunningpolicy'),
	(213, 'Can view dunning policy', 52, 'view_dunningpolicy'),
	(214, 'Can add dunning level', 53, 'add_dunninglevel'),
	(215, 'Can change dunning level', 53, 'change_dunninglevel'),
	(216, 'Can delete dunning level', 53, 'delete_dunninglevel'),
	(217, 'Can view dunning level', 53, 'view_dunninglevel'),
	(218, 'Can add collection profile', 54, 'add_collectionprofile'),
	(219, 'Can change collection profile', 54, 'change_collectionprofile'),
	(220, 'Can delete collection profile', 54, 'delete_collectionprofile'),
	(221, 'Can view collection profile', 54, 'view_collectionprofile'),
	(222, 'Can add dunning run', 55, 'add_dunningrun'),
	(223, 'Can change dunning run', 55, 'change_dunningrun'),
	(224, 'Can delete dunning run', 55, 'delete_dunningrun'),
	(225, 'Can view dunning run', 55, 'view_dunningrun'),
	(226, 'Can work the collections worklist', 55, 'view_worklist'),
	(227, 'Can put a customer on credit hold or hand it to legal', 55, 'hold_customer'),
	(228, 'Can add dunning state', 56, 'add_dunningstate'),
	(229, 'Can change dunning state', 56, 'change_dunningstate'),
	(230, 'Can delete dunning state', 56, 'delete_dunningstate'),
	(231, 'Can view dunning state', 56, 'view_dunningstate'),
	(232, 'Can add legal case', 57, 'add_legalcase'),
	(233, 'Can change legal case', 57, 'change_legalcase'),
	(234, 'Can delete legal case', 57, 'delete_legalcase'),
	(235, 'Can view legal case', 57, 'view_legalcase'),
	(236, 'Can add dunning notice', 58, 'add_notice'),
	(237, 'Can change dunning notice', 58, 'change_notice'),
	(238, 'Can delete dunning notice', 58, 'delete_notice'),
	(239, 'Can view dunning notice', 58, 'view_notice'),
	(240, 'Can add notice item', 59, 'add_noticeitem'),
	(241, 'Can change notice item', 59, 'change_noticeitem'),
	(242, 'Can delete notice item', 59, 'delete_noticeitem'),
	(243, 'Can view notice item', 59, 'view_noticeitem'),
	(244, 'Can add policy by grade', 60, 'add_policygrade'),
	(245, 'Can change policy by grade', 60, 'change_policygrade'),
	(246, 'Can delete policy by grade', 60, 'delete_policygrade'),
	(247, 'Can view policy by grade', 60, 'view_policygrade'),
	(248, 'Can add promise item', 61, 'add_promiseitem'),
	(249, 'Can change promise item', 61, 'change_promiseitem'),
	(250, 'Can delete promise item', 61, 'delete_promiseitem'),
	(251, 'Can view promise item', 61, 'view_promiseitem'),
	(252, 'Can add promise to pay', 62, 'add_promisetopay'),
	(253, 'Can change promise to pay', 62, 'change_promisetopay'),
	(254, 'Can delete promise to pay', 62, 'delete_promisetopay'),
	(255, 'Can view promise to pay', 62, 'view_promisetopay'),
	(256, 'Can add credit rules', 63, 'add_creditrules'),
	(257, 'Can change credit rules', 63, 'change_creditrules'),
	(258, 'Can delete credit rules', 63, 'delete_creditrules'),
	(259, 'Can view credit rules', 63, 'view_creditrules'),
	(260, 'Can add approval level', 64, 'add_approvallevel'),
	(261, 'Can change approval level', 64, 'change_approvallevel'),
	(262, 'Can delete approval level', 64, 'delete_approvallevel'),
	(263, 'Can view approval level', 64, 'view_approvallevel'),
	(264, 'Can add credit group', 65, 'add_creditgroup'),
	(265, 'Can change credit group', 65, 'change_creditgroup'),
	(266, 'Can delete credit group', 65, 'delete_creditgroup'),
	(267, 'Can view credit group', 65, 'view_creditgroup'),
	(268, 'Can add credit score', 66, 'add_creditscore'),
	(269, 'Can change credit score', 66, 'change_creditscore'),
	(270, 'Can delete credit score', 66, 'delete_creditscore'),
	(271, 'Can view credit score', 66, 'view_creditscore'),
	(272, 'Can add credit review', 67, 'add_creditreview'),
	(273, 'Can change credit review', 67, 'change_creditreview'),
	(274, 'Can delete credit review', 67, 'delete_creditreview'),
	(275, 'Can view credit review', 67, 'view_creditreview'),
	(276, 'Can add credit account', 68, 'add_creditaccount'),
	(277, 'Can change credit account', 68, 'change_creditaccount'),
	(278, 'Can delete credit account', 68, 'delete_creditaccount'),
	(279, 'Can view credit account', 68, 'view_creditaccount'),
	(280, 'Can run the order credit check and report orders invoiced or cancelled', 68, 'check_order'),
	(281, 'Can add financial statement', 69, 'add_financialstatement'),
	(282, 'Can change financial statement', 69, 'change_financialstatement'),
	(283, 'Can delete financial statement', 69, 'delete_financialstatement'),
	(284, 'Can view financial statement', 69, 'view_financialstatement'),
	(285, 'Can add order', 70, 'add_openorder'),
	(286, 'Can change order', 70, 'change_openorder'),
	(287, 'Can delete order', 70, 'delete_openorder'),
	(288, 'Can view order', 70, 'view_openorder'),
	(289, 'Can release or reject held orders', 70, 'decide_openorder'),
	(290, 'Can add credit request', 71, 'add_creditrequest'),
	(291, 'Can change credit request', 71, 'change_creditrequest'),
	(292, 'Can delete credit request', 71, 'delete_creditrequest'),
	(293, 'Can view credit request', 71, 'view_creditrequest'),
	(294, 'Can approve or reject credit requests', 71, 'approve_creditrequest'),
	(295, 'Can add scorecard', 72, 'add_scorecard'),
	(296, 'Can change scorecard', 72, 'change_scorecard'),
	(297, 'Can delete scorecard', 72, 'delete_scorecard'),
	(298, 'Can view scorecard', 72, 'view_scorecard'),
	(299, 'Can add profitability settings', 73, 'add_profitabilitysettings'),
	(300, 'Can change profitability settings', 73, 'change_profitabilitysettings'),
	(301, 'Can delete profitability settings', 73, 'delete_profitabilitysettings'),
	(302, 'Can view profitability settings', 73, 'view_profitabilitysettings'),
	(303, 'Can add budget version', 74, 'add_budgetversion'),
	(304, 'Can change budget version', 74, 'change_budgetversion'),
	(305, 'Can delete budget version', 74, 'delete_budgetversion'),
	(306, 'Can view budget version', 74, 'view_budgetversion'),
	(307, 'Can approve and lock a budget', 74, 'approve_budgetversion'),
	(308, 'Can see customer profitability and segments', 74, 'view_profitability'),
	(309, 'Can add budget line', 75, 'add_budgetline'),
	(310, 'Can change budget line', 75, 'change_budgetline'),
	(311, 'Can delete budget line', 75, 'delete_budgetline'),
	(312, 'Can view budget line', 75, 'view_budgetline'),
	(313, 'Can add segment', 76, 'add_segment'),
	(314, 'Can change segment', 76, 'change_segment'),
	(315, 'Can delete segment', 76, 'delete_segment'),
	(316, 'Can view segment', 76, 'view_segment'),
	(317, 'Can add reopening request', 77, 'add_reopenrequest'),
	(318, 'Can change reopening request', 77, 'change_reopenrequest'),
	(319, 'Can delete reopening request', 77, 'delete_reopenrequest'),
	(320, 'Can view reopening request', 77, 'view_reopenrequest'),
	(321, 'Can approve reopening a period', 77, 'approve_reopenrequest'),
	(322, 'Can add period event', 78, 'add_periodevent'),
	(323, 'Can change period event', 78, 'change_periodevent'),
	(324, 'Can delete period event', 78, 'delete_periodevent'),
	(325, 'Can view period event', 78, 'view_periodevent'),
	(326, 'Can close a period', 78, 'close_period'),
	(327, 'Can add FX revaluation', 79, 'add_revaluationrun'),
	(328, 'Can change FX revaluation', 79, 'change_revaluationrun'),
	(329, 'Can delete FX revaluation', 79, 'delete_revaluationrun'),
	(330, 'Can view FX revaluation', 79, 'view_revaluationrun'),
	(331, 'Can post an FX revaluation', 79, 'post_revaluationrun'),
	(332, 'Can add revaluation line', 80, 'add_revaluationline'),
	(333, 'Can change revaluation line', 80, 'change_revaluationline'),
	(334, 'Can delete revaluation line', 80, 'delete_revaluationline'),
	(335, 'Can view revaluation line', 80, 'view_revaluationline'),
	(336, 'Can add journal entry', 81, 'add_journalentry'),
	(337, 'Can change journal entry', 81, 'change_journalentry'),
	(338, 'Can delete journal entry', 81, 'delete_journalentry'),
	(339, 'Can view journal entry', 81, 'view_journalentry'),
	(340, 'Can add journal export', 82, 'add_journalexport'),
	(341, 'Can change journal export', 82, 'change_journalexport'),
	(342, 'Can delete journal export', 82, 'delete_journalexport'),
	(343, 'Can view journal export', 82, 'view_journalexport'),
	(344, 'Can add journal line', 83, 'add_journalline'),
	(345, 'Can change journal line', 83, 'change_journalline'),
	(346, 'Can delete journal line', 83, 'delete_journalline'),
	(347, 'Can view journal line', 83, 'view_journalline'),
	(348, 'Can charge a notice''s fee and interest by debit note', 58, 'charge_notice'),
	(349, 'Can add credit-limit import', 84, 'add_creditlimitbatch'),
	(350, 'Can change credit-limit import', 84, 'change_creditlimitbatch'),
	(351, 'Can delete credit-limit import', 84, 'delete_creditlimitbatch'),
	(352, 'Can view credit-limit import', 84, 'view_creditlimitbatch'),
	(353, 'Can approve or reject imported credit limits', 84, 'approve_creditlimitbatch'),
	(354, 'Can add imported credit limit', 85, 'add_creditlimitline'),
	(355, 'Can change imported credit limit', 85, 'change_creditlimitline'),
	(356, 'Can delete imported credit limit', 85, 'delete_creditlimitline'),
	(357, 'Can view imported credit limit', 85, 'view_creditlimitline'),
	(358, 'Can add e-mail not sent', 86, 'add_suppressedemail'),
	(359, 'Can change e-mail not sent', 86, 'change_suppressedemail'),
	(360, 'Can delete e-mail not sent', 86, 'delete_suppressedemail'),
	(361, 'Can view e-mail not sent', 86, 'view_suppressedemail'),
	(362, 'Can add training installation', 87, 'add_trainingmark'),
	(363, 'Can change training installation', 87, 'change_trainingmark'),
	(364, 'Can delete training installation', 87, 'delete_trainingmark'),
	(365, 'Can view training installation', 87, 'view_trainingmark'),
	(366, 'Can add aging check against the ERP', 88, 'add_agingcheck'),
	(367, 'Can change aging check against the ERP', 88, 'change_agingcheck'),
	(368, 'Can delete aging check against the ERP', 88, 'delete_agingcheck'),
	(369, 'Can view aging check against the ERP', 88, 'view_agingcheck'),
	(370, 'Can add onboarding step confirmed', 89, 'add_onboardingconfirmation'),
	(371, 'Can change onboarding step confirmed', 89, 'change_onboardingconfirmation'),
	(372, 'Can delete onboarding step confirmed', 89, 'delete_onboardingconfirmation'),
	(373, 'Can view onboarding step confirmed', 89, 'view_onboardingconfirmation'),
	(374, 'Can add onboarding panel hidden', 90, 'add_onboardingdismissal'),
	(375, 'Can change onboarding panel hidden', 90, 'change_onboardingdismissal'),
	(376, 'Can delete onboarding panel hidden', 90, 'delete_onboardingdismissal'),
	(377, 'Can view onboarding panel hidden', 90, 'view_onboardingdismissal'),
	(378, 'Can add training copy', 91, 'add_trainingcopy'),
	(379, 'Can change training copy', 91, 'change_trainingcopy'),
	(380, 'Can delete training copy', 91, 'delete_trainingcopy'),
	(381, 'Can view training copy', 91, 'view_trainingcopy'),
	(382, 'Can add tour progress', 92, 'add_tourprogress'),
	(383, 'Can change tour progress', 92, 'change_tourprogress'),
	(384, 'Can delete tour progress', 92, 'delete_tourprogress'),
	(385, 'Can view tour progress', 92, 'view_tourprogress'),
	(386, 'Can add pay-date model version', 93, 'add_modelversion'),
	(387, 'Can change pay-date model version', 93, 'change_modelversion'),
	(388, 'Can delete pay-date model version', 93, 'delete_modelversion'),
	(389, 'Can view pay-date model version', 93, 'view_modelversion'),
	(390, 'Can add pay-date prediction', 94, 'add_prediction'),
	(391, 'Can change pay-date prediction', 94, 'change_prediction'),
	(392, 'Can delete pay-date prediction', 94, 'delete_prediction'),
	(393, 'Can view pay-date prediction', 94, 'view_prediction'),
	(394, 'Can refund a customer''s credit balance', 25, 'refund_credit'),
	(395, 'Can add closed period', 95, 'add_closedperiod'),
	(396, 'Can change closed period', 95, 'change_closedperiod'),
	(397, 'Can delete closed period', 95, 'delete_closedperiod'),
	(398, 'Can view closed period', 95, 'view_closedperiod'),
	(399, 'Can add scheduler heartbeat', 96, 'add_heartbeat'),
	(400, 'Can change scheduler heartbeat', 96, 'change_heartbeat'),
	(401, 'Can delete scheduler heartbeat', 96, 'delete_heartbeat'),
	(402, 'Can view scheduler heartbeat', 96, 'view_heartbeat'),
	(403, 'Can add portal link', 97, 'add_portallink'),
	(404, 'Can change portal link', 97, 'change_portallink'),
	(405, 'Can delete portal link', 97, 'delete_portallink'),
	(406, 'Can view portal link', 97, 'view_portallink'),
	(407, 'Can add portal access', 98, 'add_portalaccess'),
	(408, 'Can change portal access', 98, 'change_portalaccess'),
	(409, 'Can delete portal access', 98, 'delete_portalaccess'),
	(410, 'Can view portal access', 98, 'view_portalaccess'),
	(411, 'Can add balance confirmation', 99, 'add_balanceconfirmation'),
	(412, 'Can change balance confirmation', 99, 'change_balanceconfirmation'),
	(413, 'Can delete balance confirmation', 99, 'delete_balanceconfirmation'),
	(414, 'Can view balance confirmation', 99, 'view_balanceconfirmation'),
	(415, 'Can add confirmation difference', 100, 'add_confirmationdifference'),
	(416, 'Can change confirmation difference', 100, 'change_confirmationdifference'),
	(417, 'Can delete confirmation difference', 100, 'delete_confirmationdifference'),
	(418, 'Can view confirmation difference', 100, 'view_confirmationdifference'),
	(419, 'Can add one-time code', 101, 'add_portalcode'),
	(420, 'Can change one-time code', 101, 'change_portalcode'),
	(421, 'Can delete one-time code', 101, 'delete_portalcode'),
	(422, 'Can view one-time code', 101, 'view_portalcode'),
	(423, 'Can add statement mailing', 102, 'add_statementrun'),
	(424, 'Can change statement mailing', 102, 'change_statementrun'),
	(425, 'Can delete statement mailing', 102, 'delete_statementrun'),
	(426, 'Can view statement mailing', 102, 'view_statementrun'),
	(427, 'Can send statement mailings', 102, 'send_statementrun'),
	(428, 'Can add statement recipient', 103, 'add_statementrecipient'),
	(429, 'Can change statement recipient', 103, 'change_statementrecipient'),
	(430, 'Can delete statement recipient', 103, 'delete_statementrecipient'),
	(431, 'Can view statement recipient', 103, 'view_statementrecipient'),
	(432, 'Can add statement schedule', 104, 'add_statementschedule'),
	(433, 'Can change statement schedule', 104, 'change_statementschedule'),
	(434, 'Can delete statement schedule', 104, 'delete_statementschedule'),
	(435, 'Can view statement schedule', 104, 'view_statementschedule'),
	(436, 'Can add customer statement setting', 105, 'add_customerstatementsetting'),
	(437, 'Can change customer statement setting', 105, 'change_customerstatementsetting'),
	(438, 'Can delete customer statement setting', 105, 'delete_customerstatementsetting'),
	(439, 'Can view customer statement setting', 105, 'view_customerstatementsetting'),
	(440, 'Can add provision policy', 106, 'add_provisionpolicy'),
	(441, 'Can change provision policy', 106, 'change_provisionpolicy'),
	(442, 'Can delete provision policy', 106, 'delete_provisionpolicy'),
	(443, 'Can view provision policy', 106, 'view_provisionpolicy'),
	(444, 'Can add provision rate', 107, 'add_policyrate'),
	(445, 'Can change provision rate', 107, 'change_policyrate'),
	(446, 'Can delete provision rate', 107, 'delete_policyrate'),
	(447, 'Can view provision rate', 107, 'view_policyrate'),
	(448, 'Can add provision run', 108, 'add_provisionrun'),
	(449, 'Can change provision run', 108, 'change_provisionrun'),
	(450, 'Can delete provision run', 108, 'delete_provisionrun'),
	(451, 'Can view provision run', 108, 'view_provisionrun'),
	(452, 'Can approve a month-end provision run', 108, 'approve_provisionrun'),
	(453, 'Can add run bucket', 109, 'add_runbucket'),
	(454, 'Can change run bucket', 109, 'change_runbucket'),
	(455, 'Can delete run bucket', 109, 'delete_runbucket'),
	(456, 'Can view run bucket', 109, 'view_runbucket'),
	(457, 'Can add run line', 110, 'add_runline'),
	(458, 'Can change run line', 110, 'change_runline'),
	(459, 'Can delete run line', 110, 'delete_runline'),
	(460, 'Can view run line', 110, 'view_runline'),
	(461, 'Can add specific provision', 111, 'add_specificprovision'),
	(462, 'Can change specific provision', 111, 'change_specificprovision'),
	(463, 'Can delete specific provision', 111, 'delete_specificprovision'),
	(464, 'Can view specific provision', 111, 'view_specificprovision'),
	(465, 'Can add write-off', 112, 'add_writeoff'),
	(466, 'Can change write-off', 112, 'change_writeoff'),
	(467, 'Can delete write-off', 112, 'delete_writeoff'),
	(468, 'Can view write-off', 112, 'view_writeoff'),
	(469, 'Can approve a bad-debt write-off', 112, 'approve_writeoff'),
	(470, 'Can add recovery', 113, 'add_recovery'),
	(471, 'Can change recovery', 113, 'change_recovery'),
	(472, 'Can delete recovery', 113, 'delete_recovery'),
	(473, 'Can view recovery', 113, 'view_recovery'),
	(474, 'Can add journal entry', 114, 'add_journalentry'),
	(475, 'Can change journal entry', 114, 'change_journalentry'),
	(476, 'Can delete journal entry', 114, 'delete_journalentry'),
	(477, 'Can view journal entry', 114, 'view_journalentry'),
	(478, 'Can add write off approval', 115, 'add_writeoffapproval'),
	(479, 'Can change write off approval', 115, 'change_writeoffapproval'),
	(480, 'Can delete write off approval', 115, 'delete_writeoffapproval'),
	(481, 'Can view write off approval', 115, 'view_writeoffapproval'),
	(482, 'Can add write off item', 116, 'add_writeoffitem'),
	(483, 'Can change write off item', 116, 'change_writeoffitem'),
	(484, 'Can delete write off item', 116, 'delete_writeoffitem'),
	(485, 'Can view write off item', 116, 'view_writeoffitem'),
	(486, 'Can add journal line', 117, 'add_journalline'),
	(487, 'Can change journal line', 117, 'change_journalline'),
	(488, 'Can delete journal line', 117, 'delete_journalline'),
	(489, 'Can view journal line', 117, 'view_journalline'),
	(490, 'Can add survey template', 118, 'add_surveytemplate'),
	(491, 'Can change survey template', 118, 'change_surveytemplate'),
	(492, 'Can delete survey template', 118, 'delete_surveytemplate'),
	(493, 'Can view survey template', 118, 'view_surveytemplate'),
	(494, 'Can add complaint', 119, 'add_complaint'),
	(495, 'Can change complaint', 119, 'change_complaint'),
	(496, 'Can delete complaint', 119, 'delete_complaint'),
	(497, 'Can view complaint', 119, 'view_complaint'),
	(498, 'Receives escalated complaints', 119, 'escalate_complaint'),
	(499, 'Can add complaint event', 120, 'add_complaintevent'),
	(500, 'Can change complaint event', 120, 'change_complaintevent');
INSERT INTO public.auth_permission VALUES
	(501, 'Can delete complaint event', 120, 'delete_complaintevent'),
	(502, 'Can view complaint event', 120, 'view_complaintevent'),
	(503, 'Can add interaction', 121, 'add_interaction'),
	(504, 'Can change interaction', 121, 'change_interaction'),
	(505, 'Can delete interaction', 121, 'delete_interaction'),
	(506, 'Can view interaction', 121, 'view_interaction'),
	(507, 'Can add interaction attachment', 122, 'add_interactionattachment'),
	(508, 'Can change interaction attachment', 122, 'change_interactionattachment'),
	(509, 'Can delete interaction attachment', 122, 'delete_interactionattachment'),
	(510, 'Can view interaction attachment', 122, 'view_interactionattachment'),
	(511, 'Can add relation profile', 123, 'add_relationprofile'),
	(512, 'Can change relation profile', 123, 'change_relationprofile'),
	(513, 'Can delete relation profile', 123, 'delete_relationprofile'),
	(514, 'Can view relation profile', 123, 'view_relationprofile'),
	(515, 'Can add revisit', 124, 'add_revisit'),
	(516, 'Can change revisit', 124, 'change_revisit'),
	(517, 'Can delete revisit', 124, 'delete_revisit'),
	(518, 'Can view revisit', 124, 'view_revisit'),
	(519, 'Can add survey', 125, 'add_survey'),
	(520, 'Can change survey', 125, 'change_survey'),
	(521, 'Can delete survey', 125, 'delete_survey'),
	(522, 'Can view survey', 125, 'view_survey'),
	(523, 'Can send satisfaction surveys', 125, 'send_survey'),
	(524, 'Can add survey invitation', 126, 'add_surveyinvitation'),
	(525, 'Can change survey invitation', 126, 'change_surveyinvitation'),
	(526, 'Can delete survey invitation', 126, 'delete_surveyinvitation'),
	(527, 'Can view survey invitation', 126, 'view_surveyinvitation'),
	(528, 'Can add survey answer', 127, 'add_surveyanswer'),
	(529, 'Can change survey answer', 127, 'change_surveyanswer'),
	(530, 'Can delete survey answer', 127, 'delete_surveyanswer'),
	(531, 'Can view survey answer', 127, 'view_surveyanswer'),
	(532, 'Can add escalation e-mail', 128, 'add_escalationmail'),
	(533, 'Can change escalation e-mail', 128, 'change_escalationmail'),
	(534, 'Can delete escalation e-mail', 128, 'delete_escalationmail'),
	(535, 'Can view escalation e-mail', 128, 'view_escalationmail'),
	(536, 'Can add risk configuration', 129, 'add_riskconfig'),
	(537, 'Can change risk configuration', 129, 'change_riskconfig'),
	(538, 'Can delete risk configuration', 129, 'delete_riskconfig'),
	(539, 'Can view risk configuration', 129, 'view_riskconfig'),
	(540, 'Can add risk scan', 130, 'add_riskscan'),
	(541, 'Can change risk scan', 130, 'change_riskscan'),
	(542, 'Can delete risk scan', 130, 'delete_riskscan'),
	(543, 'Can view risk scan', 130, 'view_riskscan'),
	(544, 'Can add risk signal', 131, 'add_risksignal'),
	(545, 'Can change risk signal', 131, 'change_risksignal'),
	(546, 'Can delete risk signal', 131, 'delete_risksignal'),
	(547, 'Can view risk signal', 131, 'view_risksignal'),
	(548, 'Can see the portfolio risk view', 131, 'view_portfolio'),
	(549, 'Can add watch-list entry', 132, 'add_watchentry'),
	(550, 'Can change watch-list entry', 132, 'change_watchentry'),
	(551, 'Can delete watch-list entry', 132, 'delete_watchentry'),
	(552, 'Can view watch-list entry', 132, 'view_watchentry'),
	(553, 'Can add watch-list action', 133, 'add_watchaction'),
	(554, 'Can change watch-list action', 133, 'change_watchaction'),
	(555, 'Can delete watch-list action', 133, 'delete_watchaction'),
	(556, 'Can view watch-list action', 133, 'view_watchaction'),
	(557, 'Can add alert', 134, 'add_alert'),
	(558, 'Can change alert', 134, 'change_alert'),
	(559, 'Can delete alert', 134, 'delete_alert'),
	(560, 'Can view alert', 134, 'view_alert'),
	(561, 'Can add alert e-mail', 135, 'add_alertemail'),
	(562, 'Can change alert e-mail', 135, 'change_alertemail'),
	(563, 'Can delete alert e-mail', 135, 'delete_alertemail'),
	(564, 'Can view alert e-mail', 135, 'view_alertemail'),
	(565, 'Can add session', 136, 'add_session'),
	(566, 'Can change session', 136, 'change_session'),
	(567, 'Can delete session', 136, 'delete_session'),
	(568, 'Can view session', 136, 'view_session');


--
-- Data for Name: auth_user; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_user_groups; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: auth_user_user_permissions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: axes_accessattempt; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: axes_accessattemptexpiration; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: axes_accessfailurelog; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: axes_accesslog; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: banking_application; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: banking_bankaccount; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: banking_bankstatement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: banking_difference; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: banking_payeralias; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: banking_statementline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: budgets_budgetline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: budgets_budgetversion; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: budgets_profitabilitysettings; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: budgets_segment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: closing_journalentry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: closing_journalexport; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: closing_journalline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: closing_periodevent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: closing_reopenrequest; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: closing_revaluationline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: closing_revaluationrun; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_collectionprofile; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_contactlog; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_dispute; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_disputeattachment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_disputeitem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_disputenote; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_dunninglevel; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.collections_dunninglevel VALUES
	(1, 1, 'Reminder before due', '到期前提醒', -3, 'email', 'Friendly reminder: invoices falling due - {{ customer.name }}', 'Dear {{ contact.name }},

A friendly reminder that the following items fall due soon:

{{ items }}

Total: {{ total }}

Please pay to:
{{ company.bank_details }}

{{ company.name }}', '温馨提示：即将到期的款项 - {{ customer.name }}', '{{ contact.name }} 您好：

温馨提示，以下款项即将到期：

{{ items }}

合计：{{ total }}

请汇款至：
{{ company.bank_details }}

{{ company.name }}', 1, 0.0000, 0.0000, 0.0000),
	(2, 2, 'First notice', '第一次催款通知', 7, 'email', 'Overdue items - first notice - {{ customer.name }}', 'Dear {{ contact.name }},

Our records show the following items as overdue:

{{ items }}

Total: {{ total }}

Please pay to:
{{ company.bank_details }}

{{ company.name }}', '逾期款项第一次催款通知 - {{ customer.name }}', '{{ contact.name }} 您好：

经核对，以下款项已逾期，请尽快安排付款：

{{ items }}

合计：{{ total }}

请汇款至：
{{ company.bank_details }}

{{ company.name }}', 1, 0.0000, 0.0000, 100.0000),
	(3, 3, 'Second notice', '第二次催款通知', 21, 'email', 'Overdue items - second notice - {{ customer.name }}', 'Dear {{ contact.name }},

We have not yet received payment of the following items:

{{ items }}

Total: {{ total }}

Please pay to:
{{ company.bank_details }}

{{ company.name }}', '逾期款项第二次催款通知 - {{ customer.name }}', '{{ contact.name }} 您好：

以下款项至今仍未收到，请于七日内付款：

{{ items }}

合计：{{ total }}

请汇款至：
{{ company.bank_details }}

{{ company.name }}', 1, 0.0000, 0.0000, 100.0000),
	(4, 4, 'Third notice (phone)', '第三次催款（电话）', 35, 'phone', 'Call {{ customer.name }} about overdue items', 'Call about these items:

{{ items }}

Total: {{ total }}', '致电 {{ customer.name }} 催收逾期款项', '请就以下款项致电客户：

{{ items }}

合计：{{ total }}', 1, 0.0000, 0.0000, 100.0000),
	(5, 5, 'Final notice', '催款函', 60, 'letter', 'Final notice - {{ customer.name }}', 'Dear {{ contact.name }},

Despite our notices the following items remain unpaid. Unless payment is received within ten days we will hand the matter to our lawyers.

{{ items }}

Total: {{ total }}

Please pay to:
{{ company.bank_details }}

{{ company.name }}', '催款函 - {{ customer.name }}', '{{ contact.name }} 您好：

经我司多次催告，以下款项仍未支付。请于收到本函后十日内付清，否则我司将委托律师依法追讨。

{{ items }}

合计：{{ total }}

请汇款至：
{{ company.bank_details }}

{{ company.name }}', 1, 0.0000, 0.0000, 500.0000),
	(6, 6, 'Lawyer''s letter', '律师函', 90, 'legal', 'Lawyer''s letter - {{ customer.name }}', 'To {{ customer.name }}:

On behalf of {{ company.name }} we demand payment of the following overdue items within seven days, failing which legal proceedings will follow.

{{ items }}

Total: {{ total }}

Please pay to:
{{ company.bank_details }}

{{ company.name }}', '律师函 - {{ customer.name }}', '致 {{ customer.name }}：

受 {{ company.name }} 委托，现正式函告贵司于七日内支付以下逾期款项，逾期未付，我方将依法提起诉讼。

{{ items }}

合计：{{ total }}

请汇款至：
{{ company.bank_details }}

{{ company.name }}', 1, 0.0000, 0.0000, 5000.0000);


--
-- Data for Name: collections_dunningpolicy; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.collections_dunningpolicy VALUES
	(1, 'STANDARD', 'Standard dunning', '标准催收', true, 7, true, '2026-12-07 01:09:02.064198+00', NULL, 365);


--
-- Data for Name: collections_dunningrun; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_dunningstate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_legalcase; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_notice; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_noticeitem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_policygrade; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_promiseitem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: collections_promisetopay; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: companies_company; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: companies_companygrant; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_approvallevel; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.credit_approvallevel VALUES
	(1, 'Finance manager', 1000000000, 'CNY', 4);


--
-- Data for Name: credit_creditaccount; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_creditgroup; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_creditlimitbatch; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_creditlimitline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_creditrequest; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_creditreview; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_creditrules; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_creditscore; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_financialstatement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_openorder; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credit_scorecard; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.credit_scorecard VALUES
	(1, 'DEMO', 1, 'Demo scorecard (示例评分卡)', '{"grades": [{"grade": "AAA", "limit": {"rule": "equity_percent", "percent": 20}, "min_score": 90, "max_term_days": 90, "review_months": 12}, {"grade": "AA", "limit": {"rule": "equity_percent", "percent": 15}, "min_score": 80, "max_term_days": 60, "review_months": 12}, {"grade": "A", "limit": {"rule": "equity_percent", "percent": 10}, "min_score": 70, "max_term_days": 60, "review_months": 12}, {"grade": "BBB", "limit": {"rule": "monthly_sales_times_term", "factor": 1.5}, "min_score": 60, "max_term_days": 45, "review_months": 6}, {"grade": "BB", "limit": {"rule": "monthly_sales_times_term", "factor": 1.0}, "min_score": 50, "max_term_days": 30, "review_months": 6}, {"grade": "B", "limit": {"rule": "monthly_sales_times_term", "factor": 0.5}, "min_score": 40, "max_term_days": 30, "review_months": 3}, {"grade": "C", "limit": {"rule": "fixed", "amount": 0}, "min_score": 0, "max_term_days": 0, "review_months": 3}], "factors": [{"key": "current_ratio", "bands": [{"min": 2.0, "points": 100}, {"min": 1.5, "points": 80}, {"min": 1.2, "points": 60}, {"min": 1.0, "points": 40}, {"min": 0, "points": 10}], "source": "ratio", "weight": 15}, {"key": "debt_to_assets", "bands": [{"max": 0.4, "points": 100}, {"max": 0.6, "points": 70}, {"max": 0.8, "points": 40}], "source": "ratio", "weight": 15}, {"key": "net_margin", "bands": [{"min": 0.1, "points": 100}, {"min": 0.05, "points": 70}, {"min": 0, "points": 40}], "source": "ratio", "weight": 10}, {"key": "z_prime", "bands": [{"min": 2.9, "points": 100}, {"min": 1.23, "points": 50}], "source": "z", "weight": 10}, {"key": "avg_days_late", "bands": [{"max": 0, "points": 100}, {"max": 10, "points": 80}, {"max": 30, "points": 50}, {"max": 60, "points": 20}], "source": "behaviour", "weight": 20, "missing_points": 50}, {"key": "late_share", "bands": [{"max": 0.1, "points": 100}, {"max": 0.3, "points": 60}, {"max": 0.6, "points": 30}], "source": "behaviour", "weight": 10, "missing_points": 50}, {"key": "years_in_business", "bands": [{"min": 10, "points": 100}, {"min": 5, "points": 70}, {"min": 2, "points": 40}, {"min": 0, "points": 10}], "source": "qualitative", "weight": 10}, {"key": "industry_risk", "bands": [{"value": "low", "points": 100}, {"value": "medium", "points": 60}, {"value": "high", "points": 20}], "source": "qualitative", "weight": 5, "missing_points": 50}, {"key": "external_rating", "bands": [{"value": "AAA", "points": 100}, {"value": "AA", "points": 90}, {"value": "A", "points": 80}, {"value": "BBB", "points": 60}, {"value": "BB", "points": 40}, {"value": "B", "points": 20}], "source": "qualitative", "weight": 5, "missing_points": 50}]}', true, 'Shipped with ARdesk', '2026-12-07 01:09:33.510993+00', NULL);


--
-- Data for Name: customers_contact; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: customers_customer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: customers_customerattachment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: customers_customerstatuschange; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: django_admin_log; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: django_content_type; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.django_content_type VALUES
	(1, 'accounts', 'apitoken'),
	(2, 'accounts', 'preference'),
	(3, 'audit', 'auditchainhead'),
	(4, 'audit', 'auditevent'),
	(5, 'auth', 'permission'),
	(6, 'auth', 'group'),
	(7, 'auth', 'user'),
	(8, 'axes', 'accessattempt'),
	(9, 'axes', 'accesslog'),
	(10, 'companies', 'company'),
	(11, 'companies', 'companygrant'),
	(12, 'contenttypes', 'contenttype'),
	(13, 'customers', 'customer'),
	(14, 'customers', 'contact'),
	(15, 'customers', 'customerattachment'),
	(16, 'customers', 'customerstatuschange'),
	(17, 'admin', 'logentry'),
	(18, 'axes', 'accessfailurelog'),
	(19, 'axes', 'accessattemptexpiration'),
	(20, 'reports', 'bucketset'),
	(21, 'reports', 'agingsnapshot'),
	(22, 'reports', 'agingsnapshotrow'),
	(23, 'reports', 'bucket'),
	(24, 'ledger', 'paymentterm'),
	(25, 'ledger', 'document'),
	(26, 'ledger', 'dueline'),
	(27, 'ledger', 'allocation'),
	(28, 'ledger', 'exchangerate'),
	(29, 'ledger', 'importbatch'),
	(30, 'ledger', 'customerterms'),
	(31, 'ledger', 'paymentterminstalment'),
	(32, 'banking', 'application'),
	(33, 'banking', 'bankaccount'),
	(34, 'banking', 'bankstatement'),
	(35, 'banking', 'difference'),
	(36, 'banking', 'payeralias'),
	(37, 'banking', 'statementline'),
	(38, 'ledger', 'importjob'),
	(39, 'ledger', 'statementrun'),
	(40, 'ledger', 'exchangeday'),
	(41, 'ledger', 'ledgerday'),
	(42, 'reports', 'exchangeday'),
	(43, 'reports', 'ledgerday'),
	(44, 'reports', 'keptaging'),
	(45, 'reports', 'keptchange'),
	(46, 'reports', 'keptagingrow'),
	(47, 'collections', 'contactlog'),
	(48, 'collections', 'dispute'),
	(49, 'collections', 'disputeattachment'),
	(50, 'collections', 'disputeitem'),
	(51, 'collections', 'disputenote'),
	(52, 'collections', 'dunningpolicy'),
	(53, 'collections', 'dunninglevel'),
	(54, 'collections', 'collectionprofile'),
	(55, 'collections', 'dunningrun'),
	(56, 'collections', 'dunningstate'),
	(57, 'collections', 'legalcase'),
	(58, 'collections', 'notice'),
	(59, 'collections', 'noticeitem'),
	(60, 'collections', 'policygrade'),
	(61, 'collections', 'promiseitem'),
	(62, 'collections', 'promisetopay'),
	(63, 'credit', 'creditrules'),
	(64, 'credit', 'approvallevel'),
	(65, 'credit', 'creditgroup'),
	(66, 'credit', 'creditscore'),
	(67, 'credit', 'creditreview'),
	(68, 'credit', 'creditaccount'),
	(69, 'credit', 'financialstatement'),
	(70, 'credit', 'openorder'),
	(71, 'credit', 'creditrequest'),
	(72, 'credit', 'scorecard'),
	(73, 'budgets', 'profitabilitysettings'),
	(74, 'budgets', 'budgetversion'),
	(75, 'budgets', 'budgetline'),
	(76, 'budgets', 'segment'),
	(77, 'closing', 'reopenrequest'),
	(78, 'closing', 'periodevent'),
	(79, 'closing', 'revaluationrun'),
	(80, 'closing', 'revaluationline'),
	(81, 'closing', 'journalentry'),
	(82, 'closing', 'journalexport'),
	(83, 'closing', 'journalline'),
	(84, 'credit', 'creditlimitbatch'),
	(85, 'credit', 'creditlimitline'),
	(86, 'guide', 'suppressedemail'),
	(87, 'guide', 'trainingmark'),
	(88, 'guide', 'agingcheck'),
	(89, 'guide', 'onboardingconfirmation'),
	(90, 'guide', 'onboardingdismissal'),
	(91, 'guide', 'trainingcopy'),
	(92, 'guide', 'tourprogress'),
	(93, 'insights', 'modelversion'),
	(94, 'insights', 'prediction'),
	(95, 'ledger', 'closedperiod'),
	(96, 'operations', 'heartbeat'),
	(97, 'portal', 'portallink'),
	(98, 'portal', 'portalaccess'),
	(99, 'portal', 'balanceconfirmation'),
	(100, 'portal', 'confirmationdifference'),
	(101, 'portal', 'portalcode'),
	(102, 'portal', 'statementrun'),
	(103, 'portal', 'statementrecipient'),
	(104, 'portal', 'statementschedule'),
	(105, 'portal', 'customerstatementsetting'),
	(106, 'provisioning', 'provisionpolicy'),
	(107, 'provisioning', 'policyrate'),
	(108, 'provisioning', 'provisionrun'),
	(109, 'provisioning', 'runbucket'),
	(110, 'provisioning', 'runline'),
	(111, 'provisioning', 'specificprovision'),
	(112, 'provisioning', 'writeoff'),
	(113, 'provisioning', 'recovery'),
	(114, 'provisioning', 'journalentry'),
	(115, 'provisioning', 'writeoffapproval'),
	(116, 'provisioning', 'writeoffitem'),
	(117, 'provisioning', 'journalline'),
	(118, 'relations', 'surveytemplate'),
	(119, 'relations', 'complaint'),
	(120, 'relations', 'complaintevent'),
	(121, 'relations', 'interaction'),
	(122, 'relations', 'interactionattachment'),
	(123, 'relations', 'relationprofile'),
	(124, 'relations', 'revisit'),
	(125, 'relations', 'survey'),
	(126, 'relations', 'surveyinvitation'),
	(127, 'relations', 'surveyanswer'),
	(128, 'relations', 'escalationmail'),
	(129, 'risk', 'riskconfig'),
	(130, 'risk', 'riskscan'),
	(131, 'risk', 'risksignal'),
	(132, 'risk', 'watchentry'),
	(133, 'risk', 'watchaction'),
	(134, 'risk', 'alert'),
	(135, 'risk', 'alertemail'),
	(136, 'sessions', 'session');


--
-- Data for Name: django_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.django_migrations VALUES
	(1, 'contenttypes', '0001_initial', '2026-12-07 01:07:59.665924+00'),
	(2, 'auth', '0001_initial', '2026-12-07 01:07:59.991217+00'),
	(3, 'companies', '0001_initial', '2026-12-07 01:08:00.522937+00'),
	(4, 'customers', '0001_initial', '2026-12-07 01:08:01.802901+00'),
	(5, 'contenttypes', '0002_remove_content_type_name', '2026-12-07 01:08:01.935298+00'),
	(6, 'axes', '0001_initial', '2026-12-07 01:08:02.031067+00'),
	(7, 'auth', '0002_alter_permission_name_max_length', '2026-12-07 01:08:02.086906+00'),
	(8, 'auth', '0003_alter_user_email_max_length', '2026-12-07 01:08:02.137596+00'),
	(9, 'auth', '0004_alter_user_username_opts', '2026-12-07 01:08:02.19323+00'),
	(10, 'auth', '0005_alter_user_last_login_null', '2026-12-07 01:08:02.260971+00'),
	(11, 'auth', '0006_require_contenttypes_0002', '2026-12-07 01:08:02.266822+00'),
	(12, 'auth', '0007_alter_validators_add_error_messages', '2026-12-07 01:08:02.300422+00'),
	(13, 'auth', '0008_alter_user_username_max_length', '2026-12-07 01:08:02.362997+00'),
	(14, 'auth', '0009_alter_user_last_name_max_length', '2026-12-07 01:08:02.404252+00'),
	(15, 'auth', '0010_alter_group_name_max_length', '2026-12-07 01:08:02.48701+00'),
	(16, 'auth', '0011_update_proxy_permissions', '2026-12-07 01:08:02.578412+00'),
	(17, 'auth', '0012_alter_user_first_name_max_length', '2026-12-07 01:08:02.667567+00'),
	(18, 'audit', '0001_initial', '2026-12-07 01:08:03.055123+00'),
	(19, 'accounts', '0001_initial', '2026-12-07 01:08:03.347035+00'),
	(20, 'accounts', '0002_roles', '2026-12-07 01:08:04.51933+00'),
	(21, 'accounts', '0003_labels', '2026-12-07 01:08:04.627819+00'),
	(22, 'accounts', '0004_token_expiry', '2026-12-07 01:08:04.720957+00'),
	(23, 'admin', '0001_initial', '2026-12-07 01:08:04.838933+00'),
	(24, 'admin', '0002_logentry_remove_auto_add', '2026-12-07 01:08:04.905743+00'),
	(25, 'admin', '0003_logentry_add_action_flag_choices', '2026-12-07 01:08:04.989289+00'),
	(26, 'axes', '0002_auto_20151217_2044', '2026-12-07 01:08:05.106935+00'),
	(27, 'axes', '0003_auto_20160322_0929', '2026-12-07 01:08:05.151676+00'),
	(28, 'axes', '0004_auto_20181024_1538', '2026-12-07 01:08:05.209673+00'),
	(29, 'axes', '0005_remove_accessattempt_trusted', '2026-12-07 01:08:05.247549+00'),
	(30, 'axes', '0006_remove_accesslog_trusted', '2026-12-07 01:08:05.271553+00'),
	(31, 'axes', '0007_alter_accessattempt_unique_together', '2026-12-07 01:08:05.39947+00'),
	(32, 'axes', '0008_accessfailurelog', '2026-12-07 01:08:05.491004+00'),
	(33, 'axes', '0009_add_session_hash', '2026-12-07 01:08:05.500157+00'),
	(34, 'axes', '0010_accessattemptexpiration', '2026-12-07 01:08:05.553679+00'),
	(35, 'companies', '0002_company_bank_account', '2026-12-07 01:08:05.625955+00'),
	(36, 'customers', '0002_labels', '2026-12-07 01:08:05.769532+00'),
	(37, 'customers', '0003_list_order_and_search', '2026-12-07 01:08:06.123728+00'),
	(38, 'reports', '0001_initial', '2026-12-07 01:08:06.811055+00'),
	(39, 'reports', '0002_defaults', '2026-12-07 01:08:07.77452+00'),
	(40, 'ledger', '0001_initial', '2026-12-07 01:08:12.743416+00'),
	(41, 'ledger', '0002_roles', '2026-12-07 01:08:13.710911+00'),
	(42, 'ledger', '0003_import_job', '2026-12-07 01:08:13.991909+00'),
	(43, 'ledger', '0004_document_number_index', '2026-12-07 01:08:14.851198+00'),
	(44, 'ledger', '0005_labels', '2026-12-07 01:08:18.460051+00'),
	(45, 'ledger', '0006_statement_run', '2026-12-07 01:08:18.786995+00'),
	(46, 'ledger', '0007_fewer_indexes', '2026-12-07 01:08:22.14911+00'),
	(47, 'ledger', '0008_open_state', '2026-12-07 01:08:23.710873+00'),
	(48, 'ledger', '0009_allocation_date_index', '2026-12-07 01:08:23.863969+00'),
	(49, 'ledger', '0010_document_balance_index', '2026-12-07 01:08:24.146964+00'),
	(50, 'ledger', '0011_bad_debt_types', '2026-12-07 01:08:24.288079+00'),
	(51, 'ledger', '0012_aging_covering_indexes', '2026-12-07 01:08:25.82322+00'),
	(52, 'reports', '0003_ledger_days', '2026-12-07 01:08:26.519124+00'),
	(53, 'reports', '0004_kept_aging', '2026-12-07 01:08:27.190118+00'),
	(54, 'ledger', '0013_import_fewer_constraints', '2026-12-07 01:08:29.713441+00'),
	(55, 'ledger', '0014_credit_open_covering', '2026-12-07 01:08:30.313963+00'),
	(56, 'ledger', '0015_fewer_constraints_on_import', '2026-12-07 01:08:31.12342+00'),
	(57, 'ledger', '0016_drop_document_number_index', '2026-12-07 01:08:31.258674+00'),
	(58, 'ledger', '0017_partial_reversal_keys', '2026-12-07 01:08:31.999148+00'),
	(59, 'ledger', '0018_allocation_facts', '2026-12-07 01:08:34.221231+00'),
	(60, 'reports', '0005_allocation_triggers_again', '2026-12-07 01:08:34.42815+00'),
	(61, 'ledger', '0019_reopened_items', '2026-12-07 01:08:34.724446+00'),
	(62, 'ledger', '0020_daily_totals', '2026-12-07 01:08:35.160422+00'),
	(63, 'customers', '0004_bank_account_index', '2026-12-07 01:08:35.529081+00'),
	(64, 'banking', '0001_initial', '2026-12-07 01:08:38.875176+00'),
	(65, 'banking', '0002_roles', '2026-12-07 01:08:39.394817+00'),
	(66, 'banking', '0003_statement_line_desk_index', '2026-12-07 01:08:39.551242+00'),
	(67, 'banking', '0004_statement_line_fewer_indexes', '2026-12-07 01:08:40.371421+00'),
	(68, 'credit', '0001_initial', '2026-12-07 01:08:46.586993+00'),
	(69, 'collections', '0001_initial', '2026-12-07 01:09:01.579315+00'),
	(70, 'collections', '0002_defaults', '2026-12-07 01:09:02.990999+00'),
	(71, 'collections', '0003_profile_without_grade_and_hold', '2026-12-07 01:09:03.774968+00'),
	(72, 'collections', '0004_fast_run_writes', '2026-12-07 01:09:09.845339+00'),
	(73, 'collections', '0005_notice_item_without_line_index', '2026-12-07 01:09:10.018979+00'),
	(74, 'collections', '0006_notice_without_company_index', '2026-12-07 01:09:10.597695+00'),
	(75, 'collections', '0007_notice_sending', '2026-12-07 01:09:11.089949+00'),
	(76, 'collections', '0008_auditor_reads_worklist', '2026-12-07 01:09:11.82398+00'),
	(77, 'budgets', '0001_initial', '2026-12-07 01:09:15.542959+00'),
	(78, 'budgets', '0002_roles', '2026-12-07 01:09:16.675414+00'),
	(79, 'budgets', '0003_segment_review_months', '2026-12-07 01:09:17.175975+00'),
	(80, 'closing', '0001_initial', '2026-12-07 01:09:24.890989+00'),
	(81, 'closing', '0002_roles', '2026-12-07 01:09:26.280843+00'),
	(82, 'collections', '0009_dunning_charges', '2026-12-07 01:09:32.074284+00'),
	(83, 'credit', '0002_defaults', '2026-12-07 01:09:33.547249+00'),
	(84, 'credit', '0003_order_indexes_without_prefixes', '2026-12-07 01:09:35.133021+00'),
	(85, 'credit', '0004_credit_limit_batches', '2026-12-07 01:09:38.659408+00'),
	(86, 'credit', '0005_creditaccount_review_date_by_hand', '2026-12-07 01:09:39.105015+00'),
	(87, 'guide', '0001_initial', '2026-12-07 01:09:41.894939+00'),
	(88, 'insights', '0001_initial', '2026-12-07 01:09:45.559161+00'),
	(89, 'insights', '0002_roles', '2026-12-07 01:09:46.099024+00'),
	(90, 'ledger', '0021_period_lock', '2026-12-07 01:09:48.015238+00'),
	(91, 'ledger', '0022_refunds', '2026-12-07 01:09:50.863077+00'),
	(92, 'ledger', '0023_invoice_medium', '2026-12-07 01:09:52.455437+00'),
	(93, 'operations', '0001_heartbeat', '2026-12-07 01:09:52.591045+00'),
	(94, 'portal', '0001_initial', '2026-12-07 01:09:57.64719+00'),
	(95, 'portal', '0002_roles', '2026-12-07 01:09:59.579802+00'),
	(96, 'portal', '0003_statement_runs_and_codes', '2026-12-07 01:10:06.719056+00'),
	(97, 'portal', '0004_statement_roles', '2026-12-07 01:10:08.128471+00'),
	(98, 'portal', '0005_customer_statement_frequency', '2026-12-07 01:10:09.89104+00'),
	(99, 'provisioning', '0001_initial', '2026-12-07 01:10:28.488692+00'),
	(100, 'provisioning', '0002_roles', '2026-12-07 01:10:29.468495+00'),
	(101, 'provisioning', '0003_run_line_index', '2026-12-07 01:10:29.99913+00'),
	(102, 'provisioning', '0004_run_lines_without_constraints', '2026-12-07 01:10:32.747524+00'),
	(103, 'provisioning', '0005_run_lines_indexed_by_bucket', '2026-12-07 01:10:34.371367+00'),
	(104, 'provisioning', '0006_run_is_provisional', '2026-12-07 01:10:34.682313+00'),
	(105, 'provisioning', '0007_method_labels_in_english', '2026-12-07 01:10:35.129596+00'),
	(106, 'relations', '0001_initial', '2026-12-07 01:10:50.931418+00'),
	(107, 'relations', '0002_roles_and_survey', '2026-12-07 01:10:52.228302+00'),
	(108, 'relations', '0003_escalation_mail', '2026-12-07 01:10:54.043014+00'),
	(109, 'relations', '0004_alter_revisit_reason', '2026-12-07 01:10:54.861788+00'),
	(110, 'reports', '0006_daily_totals_to_ledger', '2026-12-07 01:10:54.945947+00'),
	(111, 'reports', '0007_kept_triggers_again', '2026-12-07 01:10:55.725272+00'),
	(112, 'reports', '0008_bucket_basis_label_in_english', '2026-12-07 01:10:55.795663+00'),
	(113, 'risk', '0001_initial', '2026-12-07 01:11:11.142962+00'),
	(114, 'risk', '0002_roles', '2026-12-07 01:11:13.261167+00'),
	(115, 'risk', '0003_signal_predicted_slip', '2026-12-07 01:11:14.153379+00'),
	(116, 'sessions', '0001_initial', '2026-12-07 01:11:14.306259+00');


--
-- Data for Name: django_session; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: guide_agingcheck; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: guide_onboardingconfirmation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: guide_onboardingdismissal; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: guide_suppressedemail; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: guide_tourprogress; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: guide_trainingcopy; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: guide_trainingmark; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: insights_modelversion; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: insights_prediction; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_allocation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_closedperiod; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_customerterms; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_document; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_dueline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_exchangeday; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_exchangerate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_importbatch; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_importjob; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_ledgerday; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_paymentterm; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_paymentterminstalment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: ledger_statementrun; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: operations_heartbeat; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: portal_balanceconfirmation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: portal_confirmationdifference; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: portal_customerstatementsetting; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: portal_portalaccess; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: portal_portalcode; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: portal_portallink; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: portal_statementrecipient; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: portal_statementrun; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: portal_statementschedule; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_journalentry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_journalline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_policyrate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_provisionpolicy; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_provisionrun; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_recovery; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_runbucket; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_runline; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_specificprovision; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_writeoff; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_writeoffapproval; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: provisioning_writeoffitem; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_complaint; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_complaint_disputes; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_complaint_lines; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_complaintevent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_escalationmail; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_interaction; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_interactionattachment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_relationprofile; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_revisit; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_survey; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_surveyanswer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_surveyinvitation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: relations_surveytemplate; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.relations_surveytemplate VALUES
	(1, 'CSAT-NPS', 'Customer satisfaction', '客户满意度调查', 'Thank you for working with us. Your answers help our finance team serve you better.', '感谢您一直以来的合作。您的意见将帮助我们的财务团队改进服务。', 'How satisfied are you with our service (invoicing, statements, collection)?', '您对我们的服务（开票、对账、收款）总体满意吗？', 'How likely are you to recommend us to a business partner?', '您向合作伙伴推荐我们的可能性有多大？', 'What should we do better?', '您希望我们在哪些方面改进？', 14, 5, true);


--
-- Data for Name: reports_agingsnapshot; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: reports_agingsnapshotrow; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: reports_bucket; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reports_bucket VALUES
	(1, 1, 'not_due', 'Not yet due', '未到期', 0, 1),
	(2, 2, '1-30', '1-30 days', '1-30天', 30, 1),
	(3, 3, '31-60', '31-60 days', '31-60天', 60, 1),
	(4, 4, '61-90', '61-90 days', '61-90天', 90, 1),
	(5, 5, '91-180', '91-180 days', '91-180天', 180, 1),
	(6, 6, '181-365', '181-365 days', '181-365天', 365, 1),
	(7, 7, '365+', 'Over 365 days', '365天以上', NULL, 1),
	(8, 1, '0-6m', 'Within 6 months', '6个月以内', 6, 2),
	(9, 2, '6-12m', '6-12 months', '6-12个月', 12, 2),
	(10, 3, '1-2y', '1-2 years', '1-2年', 24, 2),
	(11, 4, '2-3y', '2-3 years', '2-3年', 36, 2),
	(12, 5, '3y+', 'Over 3 years', '3年以上', NULL, 2);


--
-- Data for Name: reports_bucketset; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reports_bucketset VALUES
	(1, 'overdue', 'Days past due', '逾期天数', 'due', 'days', true, '2026-12-07 01:08:07.339306+00'),
	(2, 'age', 'Age since the document date', '账龄', 'document', 'months', true, '2026-12-07 01:08:07.36771+00');


--
-- Data for Name: reports_keptaging; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: reports_keptagingrow; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: reports_keptchange; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: risk_alert; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: risk_alertemail; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: risk_riskconfig; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: risk_riskscan; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: risk_risksignal; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: risk_watchaction; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: risk_watchentry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: accounts_apitoken_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.accounts_apitoken_id_seq', 1, false);


--
-- Name: accounts_preference_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.accounts_preference_id_seq', 1, false);


--
-- Name: auth_group_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_group_id_seq', 6, true);


--
-- Name: auth_group_permissions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_group_permissions_id_seq', 509, true);


--
-- Name: auth_permission_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_permission_id_seq', 568, true);


--
-- Name: auth_user_groups_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_user_groups_id_seq', 1, false);


--
-- Name: auth_user_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_user_id_seq', 1, false);


--
-- Name: auth_user_user_permissions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.auth_user_user_permissions_id_seq', 1, false);


--
-- Name: axes_accessattempt_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.axes_accessattempt_id_seq', 1, false);


--
-- Name: axes_accessfailurelog_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.axes_accessfailurelog_id_seq', 1, false);


--
-- Name: axes_accesslog_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.axes_accesslog_id_seq', 1, false);


--
-- Name: banking_application_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.banking_application_id_seq', 1, false);


--
-- Name: banking_bankaccount_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.banking_bankaccount_id_seq', 1, false);


--
-- Name: banking_bankstatement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.banking_bankstatement_id_seq', 1, false);


--
-- Name: banking_difference_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.banking_difference_id_seq', 1, false);


--
-- Name: banking_payeralias_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.banking_payeralias_id_seq', 1, false);


--
-- Name: banking_statementline_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.banking_statementline_id_seq', 1, false);


--
-- Name: budgets_budgetline_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.budgets_budgetline_id_seq', 1, false);


--
-- Name: budgets_budgetversion_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.budgets_budgetversion_id_seq', 1, false);


--
-- Name: budgets_segment_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.budgets_segment_id_seq', 1, false);


--
-- Name: closing_journalentry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.closing_journalentry_id_seq', 1, false);


--
-- Name: closing_journalexport_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.closing_journalexport_id_seq', 1, false);


--
-- Name: closing_journalline_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.closing_journalline_id_seq', 1, false);


--
-- Name: closing_periodevent_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.closing_periodevent_id_seq', 1, false);


--
-- Name: closing_reopenrequest_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.closing_reopenrequest_id_seq', 1, false);


--
-- Name: closing_revaluationline_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.closing_revaluationline_id_seq', 1, false);


--
-- Name: closing_revaluationrun_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.closing_revaluationrun_id_seq', 1, false);


--
-- Name: collections_contactlog_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_contactlog_id_seq', 1, false);


--
-- Name: collections_dispute_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_dispute_id_seq', 1, false);


--
-- Name: collections_disputeattachment_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_disputeattachment_id_seq', 1, false);


--
-- Name: collections_disputeitem_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_disputeitem_id_seq', 1, false);


--
-- Name: collections_disputenote_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_disputenote_id_seq', 1, false);


--
-- Name: collections_dunninglevel_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_dunninglevel_id_seq', 6, true);


--
-- Name: collections_dunningpolicy_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_dunningpolicy_id_seq', 1, true);


--
-- Name: collections_dunningrun_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_dunningrun_id_seq', 1, false);


--
-- Name: collections_legalcase_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_legalcase_id_seq', 1, false);


--
-- Name: collections_notice_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_notice_id_seq', 1, false);


--
-- Name: collections_noticeitem_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_noticeitem_id_seq', 1, false);


--
-- Name: collections_policygrade_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_policygrade_id_seq', 1, false);


--
-- Name: collections_promiseitem_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_promiseitem_id_seq', 1, false);


--
-- Name: collections_promisetopay_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.collections_promisetopay_id_seq', 1, false);


--
-- Name: companies_company_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.companies_company_id_seq', 1, false);


--
-- Name: companies_companygrant_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.companies_companygrant_id_seq', 1, false);


--
-- Name: credit_approvallevel_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_approvallevel_id_seq', 1, true);


--
-- Name: credit_creditgroup_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_creditgroup_id_seq', 1, false);


--
-- Name: credit_creditlimitbatch_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_creditlimitbatch_id_seq', 1, false);


--
-- Name: credit_creditlimitline_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_creditlimitline_id_seq', 1, false);


--
-- Name: credit_creditrequest_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_creditrequest_id_seq', 1, false);


--
-- Name: credit_creditreview_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_creditreview_id_seq', 1, false);


--
-- Name: credit_creditscore_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_creditscore_id_seq', 1, false);


--
-- Name: credit_financialstatement_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_financialstatement_id_seq', 1, false);


--
-- Name: credit_openorder_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_openorder_id_seq', 1, false);


--
-- Name: credit_scorecard_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.credit_scorecard_id_seq', 1, true);


--
-- Name: customers_contact_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.customers_contact_id_seq', 1, false);


--
-- Name: customers_customer_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.customers_customer_id_seq', 1, false);


--
-- Name: customers_customerattachment_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.customers_customerattachment_id_seq', 1, false);


--
-- Name: customers_customerstatuschange_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.customers_customerstatuschange_id_seq', 1, false);


--
-- Name: django_admin_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.django_admin_log_id_seq', 1, false);


--
-- Name: django_content_type_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.django_content_type_id_seq', 136, true);


--
-- Name: django_migrations_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.django_migrations_id_seq', 116, true);


--
-- Name: guide_agingcheck_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.guide_agingcheck_id_seq', 1, false);


--
-- Name: guide_onboardingconfirmation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.guide_onboardingconfirmation_id_seq', 1, false);


--
-- Name: guide_onboardingdismissal_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.guide_onboardingdismissal_id_seq', 1, false);


--
-- Name: guide_suppressedemail_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.guide_suppressedemail_id_seq', 1, false);


--
-- Name: guide_tourprogress_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.guide_tourprogress_id_seq', 1, false);


--
-- Name: guide_trainingcopy_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.guide_trainingcopy_id_seq', 1, false);


--
-- Name: guide_trainingmark_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.guide_trainingmark_id_seq', 1, false);


--
-- Name: insights_modelversion_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.insights_modelversion_id_seq', 1, false);


--
-- Name: insights_prediction_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.insights_prediction_id_seq', 1, false);


--
-- Name: ledger_allocation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_allocation_id_seq', 1, false);


--
-- Name: ledger_closedperiod_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_closedperiod_id_seq', 1, false);


--
-- Name: ledger_document_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_document_id_seq', 1, false);


--
-- Name: ledger_dueline_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_dueline_id_seq', 1, false);


--
-- Name: ledger_exchangerate_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_exchangerate_id_seq', 1, false);


--
-- Name: ledger_importbatch_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_importbatch_id_seq', 1, false);


--
-- Name: ledger_importjob_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_importjob_id_seq', 1, false);


--
-- Name: ledger_paymentterm_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_paymentterm_id_seq', 1, false);


--
-- Name: ledger_paymentterminstalment_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_paymentterminstalment_id_seq', 1, false);


--
-- Name: ledger_statementrun_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ledger_statementrun_id_seq', 1, false);


--
-- Name: operations_heartbeat_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.operations_heartbeat_id_seq', 1, false);


--
-- Name: portal_balanceconfirmation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.portal_balanceconfirmation_id_seq', 1, false);


--
-- Name: portal_confirmationdifference_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.portal_confirmationdifference_id_seq', 1, false);


--
-- Name: portal_customerstatementsetting_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.portal_customerstatementsetting_id_seq', 1, false);


--
-- Name: portal_portalaccess_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.portal_portalaccess_id_seq', 1, false);


--
-- Name: portal_portalcode_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.portal_portalcode_id_seq', 1, false);


--
-- Name: portal_portallink_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.portal_portallink_id_seq', 1, false);


--
-- Name: portal_statementrecipient_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.portal_statementrecipient_id_seq', 1, false);


--
-- Name: portal_statementrun_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.portal_statementrun_id_seq', 1, false);


--
-- Name: portal_statementschedule_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.portal_statementschedule_id_seq', 1, false);


--
-- Name: provisioning_journalentry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_journalentry_id_seq', 1, false);


--
-- Name: provisioning_journalline_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_journalline_id_seq', 1, false);


--
-- Name: provisioning_policyrate_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_policyrate_id_seq', 1, false);


--
-- Name: provisioning_provisionpolicy_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_provisionpolicy_id_seq', 1, false);


--
-- Name: provisioning_provisionrun_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_provisionrun_id_seq', 1, false);


--
-- Name: provisioning_recovery_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_recovery_id_seq', 1, false);


--
-- Name: provisioning_runbucket_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_runbucket_id_seq', 1, false);


--
-- Name: provisioning_runline_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_runline_id_seq', 1, false);


--
-- Name: provisioning_specificprovision_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_specificprovision_id_seq', 1, false);


--
-- Name: provisioning_writeoff_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_writeoff_id_seq', 1, false);


--
-- Name: provisioning_writeoffapproval_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_writeoffapproval_id_seq', 1, false);


--
-- Name: provisioning_writeoffitem_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provisioning_writeoffitem_id_seq', 1, false);


--
-- Name: relations_complaint_disputes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_complaint_disputes_id_seq', 1, false);


--
-- Name: relations_complaint_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_complaint_id_seq', 1, false);


--
-- Name: relations_complaint_lines_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_complaint_lines_id_seq', 1, false);


--
-- Name: relations_complaintevent_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_complaintevent_id_seq', 1, false);


--
-- Name: relations_escalationmail_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_escalationmail_id_seq', 1, false);


--
-- Name: relations_interaction_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_interaction_id_seq', 1, false);


--
-- Name: relations_interactionattachment_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_interactionattachment_id_seq', 1, false);


--
-- Name: relations_revisit_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_revisit_id_seq', 1, false);


--
-- Name: relations_survey_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_survey_id_seq', 1, false);


--
-- Name: relations_surveyanswer_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_surveyanswer_id_seq', 1, false);


--
-- Name: relations_surveyinvitation_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_surveyinvitation_id_seq', 1, false);


--
-- Name: relations_surveytemplate_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.relations_surveytemplate_id_seq', 1, true);


--
-- Name: reports_agingsnapshot_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_agingsnapshot_id_seq', 1, false);


--
-- Name: reports_agingsnapshotrow_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_agingsnapshotrow_id_seq', 1, false);


--
-- Name: reports_bucket_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_bucket_id_seq', 12, true);


--
-- Name: reports_bucketset_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_bucketset_id_seq', 2, true);


--
-- Name: reports_exchangeday_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_exchangeday_id_seq', 1, false);


--
-- Name: reports_keptaging_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_keptaging_id_seq', 1, false);


--
-- Name: reports_keptagingrow_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_keptagingrow_id_seq', 1, false);


--
-- Name: reports_keptchange_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_keptchange_id_seq', 1, false);


--
-- Name: reports_ledgerday_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_ledgerday_id_seq', 1, false);


--
-- Name: risk_alert_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_alert_id_seq', 1, false);


--
-- Name: risk_alertemail_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_alertemail_id_seq', 1, false);


--
-- Name: risk_riskconfig_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_riskconfig_id_seq', 1, false);


--
-- Name: risk_riskscan_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_riskscan_id_seq', 1, false);


--
-- Name: risk_risksignal_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_risksignal_id_seq', 1, false);


--
-- Name: risk_watchaction_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_watchaction_id_seq', 1, false);


--
-- Name: risk_watchentry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_watchentry_id_seq', 1, false);


--
-- Name: accounts_apitoken accounts_apitoken_key_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts_apitoken
    ADD CONSTRAINT accounts_apitoken_key_hash_key UNIQUE (key_hash);


--
-- Name: accounts_apitoken accounts_apitoken_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts_apitoken
    ADD CONSTRAINT accounts_apitoken_pkey PRIMARY KEY (id);


--
-- Name: accounts_apitoken accounts_apitoken_prefix_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts_apitoken
    ADD CONSTRAINT accounts_apitoken_prefix_key UNIQUE (prefix);


--
-- Name: accounts_preference accounts_preference_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts_preference
    ADD CONSTRAINT accounts_preference_pkey PRIMARY KEY (id);


--
-- Name: accounts_preference accounts_preference_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts_preference
    ADD CONSTRAINT accounts_preference_user_id_key UNIQUE (user_id);


--
-- Name: audit_auditchainhead audit_auditchainhead_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_auditchainhead
    ADD CONSTRAINT audit_auditchainhead_pkey PRIMARY KEY (id);


--
-- Name: audit_auditevent audit_auditevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_auditevent
    ADD CONSTRAINT audit_auditevent_pkey PRIMARY KEY (seq);


--
-- Name: auth_group auth_group_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_name_key UNIQUE (name);


--
-- Name: auth_group_permissions auth_group_permissions_group_id_permission_id_0cd325b0_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_permission_id_0cd325b0_uniq UNIQUE (group_id, permission_id);


--
-- Name: auth_group_permissions auth_group_permissions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_pkey PRIMARY KEY (id);


--
-- Name: auth_group auth_group_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_pkey PRIMARY KEY (id);


--
-- Name: auth_permission auth_permission_content_type_id_codename_01ab375a_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_codename_01ab375a_uniq UNIQUE (content_type_id, codename);


--
-- Name: auth_permission auth_permission_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_pkey PRIMARY KEY (id);


--
-- Name: auth_user_groups auth_user_groups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_pkey PRIMARY KEY (id);


--
-- Name: auth_user_groups auth_user_groups_user_id_group_id_94350c0c_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_group_id_94350c0c_uniq UNIQUE (user_id, group_id);


--
-- Name: auth_user auth_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_pkey PRIMARY KEY (id);


--
-- Name: auth_user_user_permissions auth_user_user_permissions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_pkey PRIMARY KEY (id);


--
-- Name: auth_user_user_permissions auth_user_user_permissions_user_id_permission_id_14a6b632_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_permission_id_14a6b632_uniq UNIQUE (user_id, permission_id);


--
-- Name: auth_user auth_user_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_username_key UNIQUE (username);


--
-- Name: axes_accessattempt axes_accessattempt_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessattempt
    ADD CONSTRAINT axes_accessattempt_pkey PRIMARY KEY (id);


--
-- Name: axes_accessattempt axes_accessattempt_username_ip_address_user_agent_8ea22282_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessattempt
    ADD CONSTRAINT axes_accessattempt_username_ip_address_user_agent_8ea22282_uniq UNIQUE (username, ip_address, user_agent);


--
-- Name: axes_accessattemptexpiration axes_accessattemptexpiration_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessattemptexpiration
    ADD CONSTRAINT axes_accessattemptexpiration_pkey PRIMARY KEY (access_attempt_id);


--
-- Name: axes_accessfailurelog axes_accessfailurelog_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessfailurelog
    ADD CONSTRAINT axes_accessfailurelog_pkey PRIMARY KEY (id);


--
-- Name: axes_accesslog axes_accesslog_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accesslog
    ADD CONSTRAINT axes_accesslog_pkey PRIMARY KEY (id);


--
-- Name: banking_application banking_application_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_application
    ADD CONSTRAINT banking_application_pkey PRIMARY KEY (id);


--
-- Name: banking_application banking_application_receipt_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_application
    ADD CONSTRAINT banking_application_receipt_id_key UNIQUE (receipt_id);


--
-- Name: banking_bankaccount banking_bankaccount_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_bankaccount
    ADD CONSTRAINT banking_bankaccount_pkey PRIMARY KEY (id);


--
-- Name: banking_bankstatement banking_bankstatement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_bankstatement
    ADD CONSTRAINT banking_bankstatement_pkey PRIMARY KEY (id);


--
-- Name: banking_difference banking_difference_credit_note_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_difference
    ADD CONSTRAINT banking_difference_credit_note_id_key UNIQUE (credit_note_id);


--
-- Name: banking_difference banking_difference_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_difference
    ADD CONSTRAINT banking_difference_pkey PRIMARY KEY (id);


--
-- Name: banking_payeralias banking_payeralias_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_payeralias
    ADD CONSTRAINT banking_payeralias_pkey PRIMARY KEY (id);


--
-- Name: banking_statementline banking_statementline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_statementline
    ADD CONSTRAINT banking_statementline_pkey PRIMARY KEY (id);


--
-- Name: budgets_budgetline budgets_budgetline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_budgetline
    ADD CONSTRAINT budgets_budgetline_pkey PRIMARY KEY (id);


--
-- Name: budgets_budgetversion budgets_budgetversion_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_budgetversion
    ADD CONSTRAINT budgets_budgetversion_pkey PRIMARY KEY (id);


--
-- Name: budgets_profitabilitysettings budgets_profitabilitysettings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_profitabilitysettings
    ADD CONSTRAINT budgets_profitabilitysettings_pkey PRIMARY KEY (company_id);


--
-- Name: budgets_segment budgets_segment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_segment
    ADD CONSTRAINT budgets_segment_pkey PRIMARY KEY (id);


--
-- Name: closing_journalentry closing_journalentry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalentry
    ADD CONSTRAINT closing_journalentry_pkey PRIMARY KEY (id);


--
-- Name: closing_journalexport closing_journalexport_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalexport
    ADD CONSTRAINT closing_journalexport_pkey PRIMARY KEY (id);


--
-- Name: closing_journalline closing_journalline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalline
    ADD CONSTRAINT closing_journalline_pkey PRIMARY KEY (id);


--
-- Name: closing_periodevent closing_periodevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_periodevent
    ADD CONSTRAINT closing_periodevent_pkey PRIMARY KEY (id);


--
-- Name: closing_reopenrequest closing_reopenrequest_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_reopenrequest
    ADD CONSTRAINT closing_reopenrequest_pkey PRIMARY KEY (id);


--
-- Name: closing_revaluationline closing_revaluationline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_revaluationline
    ADD CONSTRAINT closing_revaluationline_pkey PRIMARY KEY (id);


--
-- Name: closing_revaluationrun closing_revaluationrun_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_revaluationrun
    ADD CONSTRAINT closing_revaluationrun_pkey PRIMARY KEY (id);


--
-- Name: collections_collectionprofile collections_collectionprofile_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_collectionprofile
    ADD CONSTRAINT collections_collectionprofile_pkey PRIMARY KEY (customer_id);


--
-- Name: collections_contactlog collections_contactlog_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_contactlog
    ADD CONSTRAINT collections_contactlog_pkey PRIMARY KEY (id);


--
-- Name: collections_dispute collections_dispute_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dispute
    ADD CONSTRAINT collections_dispute_pkey PRIMARY KEY (id);


--
-- Name: collections_disputeattachment collections_disputeattachment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputeattachment
    ADD CONSTRAINT collections_disputeattachment_pkey PRIMARY KEY (id);


--
-- Name: collections_disputeitem collections_disputeitem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputeitem
    ADD CONSTRAINT collections_disputeitem_pkey PRIMARY KEY (id);


--
-- Name: collections_disputenote collections_disputenote_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputenote
    ADD CONSTRAINT collections_disputenote_pkey PRIMARY KEY (id);


--
-- Name: collections_dunninglevel collections_dunninglevel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunninglevel
    ADD CONSTRAINT collections_dunninglevel_pkey PRIMARY KEY (id);


--
-- Name: collections_dunningpolicy collections_dunningpolicy_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunningpolicy
    ADD CONSTRAINT collections_dunningpolicy_code_key UNIQUE (code);


--
-- Name: collections_dunningpolicy collections_dunningpolicy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunningpolicy
    ADD CONSTRAINT collections_dunningpolicy_pkey PRIMARY KEY (id);


--
-- Name: collections_dunningrun collections_dunningrun_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunningrun
    ADD CONSTRAINT collections_dunningrun_pkey PRIMARY KEY (id);


--
-- Name: collections_dunningstate collections_dunningstate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunningstate
    ADD CONSTRAINT collections_dunningstate_pkey PRIMARY KEY (line_id);


--
-- Name: collections_legalcase collections_legalcase_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_legalcase
    ADD CONSTRAINT collections_legalcase_pkey PRIMARY KEY (id);


--
-- Name: collections_notice collections_notice_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_notice
    ADD CONSTRAINT collections_notice_pkey PRIMARY KEY (id);


--
-- Name: collections_noticeitem collections_noticeitem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_noticeitem
    ADD CONSTRAINT collections_noticeitem_pkey PRIMARY KEY (id);


--
-- Name: collections_policygrade collections_policygrade_grade_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_policygrade
    ADD CONSTRAINT collections_policygrade_grade_key UNIQUE (grade);


--
-- Name: collections_policygrade collections_policygrade_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_policygrade
    ADD CONSTRAINT collections_policygrade_pkey PRIMARY KEY (id);


--
-- Name: collections_promiseitem collections_promiseitem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_promiseitem
    ADD CONSTRAINT collections_promiseitem_pkey PRIMARY KEY (id);


--
-- Name: collections_promisetopay collections_promisetopay_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_promisetopay
    ADD CONSTRAINT collections_promisetopay_pkey PRIMARY KEY (id);


--
-- Name: companies_company companies_company_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies_company
    ADD CONSTRAINT companies_company_code_key UNIQUE (code);


--
-- Name: companies_company companies_company_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies_company
    ADD CONSTRAINT companies_company_pkey PRIMARY KEY (id);


--
-- Name: companies_companygrant companies_companygrant_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies_companygrant
    ADD CONSTRAINT companies_companygrant_pkey PRIMARY KEY (id);


--
-- Name: credit_approvallevel credit_approvallevel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_approvallevel
    ADD CONSTRAINT credit_approvallevel_pkey PRIMARY KEY (id);


--
-- Name: credit_creditaccount credit_creditaccount_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditaccount
    ADD CONSTRAINT credit_creditaccount_pkey PRIMARY KEY (customer_id);


--
-- Name: credit_creditgroup credit_creditgroup_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditgroup
    ADD CONSTRAINT credit_creditgroup_pkey PRIMARY KEY (id);


--
-- Name: credit_creditlimitbatch credit_creditlimitbatch_import_batch_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitbatch
    ADD CONSTRAINT credit_creditlimitbatch_import_batch_id_key UNIQUE (import_batch_id);


--
-- Name: credit_creditlimitbatch credit_creditlimitbatch_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitbatch
    ADD CONSTRAINT credit_creditlimitbatch_pkey PRIMARY KEY (id);


--
-- Name: credit_creditlimitline credit_creditlimitline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitline
    ADD CONSTRAINT credit_creditlimitline_pkey PRIMARY KEY (id);


--
-- Name: credit_creditrequest credit_creditrequest_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditrequest
    ADD CONSTRAINT credit_creditrequest_pkey PRIMARY KEY (id);


--
-- Name: credit_creditreview credit_creditreview_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditreview
    ADD CONSTRAINT credit_creditreview_pkey PRIMARY KEY (id);


--
-- Name: credit_creditrules credit_creditrules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditrules
    ADD CONSTRAINT credit_creditrules_pkey PRIMARY KEY (company_id);


--
-- Name: credit_creditscore credit_creditscore_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditscore
    ADD CONSTRAINT credit_creditscore_pkey PRIMARY KEY (id);


--
-- Name: credit_financialstatement credit_financialstatement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_financialstatement
    ADD CONSTRAINT credit_financialstatement_pkey PRIMARY KEY (id);


--
-- Name: credit_creditlimitline credit_limit_line_once_per_batch; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitline
    ADD CONSTRAINT credit_limit_line_once_per_batch UNIQUE (batch_id, customer_id);


--
-- Name: credit_openorder credit_openorder_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_openorder
    ADD CONSTRAINT credit_openorder_pkey PRIMARY KEY (id);


--
-- Name: credit_scorecard credit_scorecard_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_scorecard
    ADD CONSTRAINT credit_scorecard_pkey PRIMARY KEY (id);


--
-- Name: customers_contact customers_contact_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_contact
    ADD CONSTRAINT customers_contact_pkey PRIMARY KEY (id);


--
-- Name: customers_customer customers_customer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customer
    ADD CONSTRAINT customers_customer_pkey PRIMARY KEY (id);


--
-- Name: customers_customerattachment customers_customerattachment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customerattachment
    ADD CONSTRAINT customers_customerattachment_pkey PRIMARY KEY (id);


--
-- Name: customers_customerstatuschange customers_customerstatuschange_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customerstatuschange
    ADD CONSTRAINT customers_customerstatuschange_pkey PRIMARY KEY (id);


--
-- Name: django_admin_log django_admin_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_pkey PRIMARY KEY (id);


--
-- Name: django_content_type django_content_type_app_label_model_76bd3d3b_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_app_label_model_76bd3d3b_uniq UNIQUE (app_label, model);


--
-- Name: django_content_type django_content_type_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_pkey PRIMARY KEY (id);


--
-- Name: django_migrations django_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_migrations
    ADD CONSTRAINT django_migrations_pkey PRIMARY KEY (id);


--
-- Name: django_session django_session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_session
    ADD CONSTRAINT django_session_pkey PRIMARY KEY (session_key);


--
-- Name: guide_agingcheck guide_agingcheck_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_agingcheck
    ADD CONSTRAINT guide_agingcheck_pkey PRIMARY KEY (id);


--
-- Name: guide_onboardingconfirmation guide_onboardingconfirmation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_onboardingconfirmation
    ADD CONSTRAINT guide_onboardingconfirmation_pkey PRIMARY KEY (id);


--
-- Name: guide_onboardingconfirmation guide_onboardingconfirmation_step_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_onboardingconfirmation
    ADD CONSTRAINT guide_onboardingconfirmation_step_key UNIQUE (step);


--
-- Name: guide_onboardingdismissal guide_onboardingdismissal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_onboardingdismissal
    ADD CONSTRAINT guide_onboardingdismissal_pkey PRIMARY KEY (id);


--
-- Name: guide_onboardingdismissal guide_onboardingdismissal_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_onboardingdismissal
    ADD CONSTRAINT guide_onboardingdismissal_user_id_key UNIQUE (user_id);


--
-- Name: guide_suppressedemail guide_suppressedemail_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_suppressedemail
    ADD CONSTRAINT guide_suppressedemail_pkey PRIMARY KEY (id);


--
-- Name: guide_tourprogress guide_tourprogress_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_tourprogress
    ADD CONSTRAINT guide_tourprogress_pkey PRIMARY KEY (id);


--
-- Name: guide_trainingcopy guide_trainingcopy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_trainingcopy
    ADD CONSTRAINT guide_trainingcopy_pkey PRIMARY KEY (id);


--
-- Name: guide_trainingmark guide_trainingmark_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_trainingmark
    ADD CONSTRAINT guide_trainingmark_pkey PRIMARY KEY (id);


--
-- Name: insights_modelversion insights_modelversion_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.insights_modelversion
    ADD CONSTRAINT insights_modelversion_pkey PRIMARY KEY (id);


--
-- Name: insights_prediction insights_prediction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.insights_prediction
    ADD CONSTRAINT insights_prediction_pkey PRIMARY KEY (id);


--
-- Name: ledger_allocation ledger_allocation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_allocation
    ADD CONSTRAINT ledger_allocation_pkey PRIMARY KEY (id);


--
-- Name: ledger_closedperiod ledger_closedperiod_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_closedperiod
    ADD CONSTRAINT ledger_closedperiod_pkey PRIMARY KEY (id);


--
-- Name: ledger_customerterms ledger_customerterms_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_customerterms
    ADD CONSTRAINT ledger_customerterms_pkey PRIMARY KEY (customer_id);


--
-- Name: ledger_document ledger_document_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_document
    ADD CONSTRAINT ledger_document_pkey PRIMARY KEY (id);


--
-- Name: ledger_dueline ledger_dueline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_dueline
    ADD CONSTRAINT ledger_dueline_pkey PRIMARY KEY (id);


--
-- Name: ledger_exchangerate ledger_exchangerate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_exchangerate
    ADD CONSTRAINT ledger_exchangerate_pkey PRIMARY KEY (id);


--
-- Name: ledger_importbatch ledger_importbatch_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_importbatch
    ADD CONSTRAINT ledger_importbatch_pkey PRIMARY KEY (id);


--
-- Name: ledger_importjob ledger_importjob_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_importjob
    ADD CONSTRAINT ledger_importjob_pkey PRIMARY KEY (id);


--
-- Name: ledger_paymentterm ledger_paymentterm_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_paymentterm
    ADD CONSTRAINT ledger_paymentterm_code_key UNIQUE (code);


--
-- Name: ledger_paymentterm ledger_paymentterm_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_paymentterm
    ADD CONSTRAINT ledger_paymentterm_pkey PRIMARY KEY (id);


--
-- Name: ledger_paymentterminstalment ledger_paymentterminstalment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_paymentterminstalment
    ADD CONSTRAINT ledger_paymentterminstalment_pkey PRIMARY KEY (id);


--
-- Name: ledger_statementrun ledger_statementrun_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_statementrun
    ADD CONSTRAINT ledger_statementrun_pkey PRIMARY KEY (id);


--
-- Name: operations_heartbeat operations_heartbeat_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.operations_heartbeat
    ADD CONSTRAINT operations_heartbeat_name_key UNIQUE (name);


--
-- Name: operations_heartbeat operations_heartbeat_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.operations_heartbeat
    ADD CONSTRAINT operations_heartbeat_pkey PRIMARY KEY (id);


--
-- Name: portal_balanceconfirmation portal_balanceconfirmation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_balanceconfirmation
    ADD CONSTRAINT portal_balanceconfirmation_pkey PRIMARY KEY (id);


--
-- Name: portal_confirmationdifference portal_confirmationdifference_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_confirmationdifference
    ADD CONSTRAINT portal_confirmationdifference_pkey PRIMARY KEY (id);


--
-- Name: portal_customerstatementsetting portal_customerstatementsetting_customer_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_customerstatementsetting
    ADD CONSTRAINT portal_customerstatementsetting_customer_id_key UNIQUE (customer_id);


--
-- Name: portal_customerstatementsetting portal_customerstatementsetting_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_customerstatementsetting
    ADD CONSTRAINT portal_customerstatementsetting_pkey PRIMARY KEY (id);


--
-- Name: portal_portalaccess portal_portalaccess_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portalaccess
    ADD CONSTRAINT portal_portalaccess_pkey PRIMARY KEY (id);


--
-- Name: portal_portalcode portal_portalcode_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portalcode
    ADD CONSTRAINT portal_portalcode_pkey PRIMARY KEY (id);


--
-- Name: portal_portallink portal_portallink_nonce_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portallink
    ADD CONSTRAINT portal_portallink_nonce_key UNIQUE (nonce);


--
-- Name: portal_portallink portal_portallink_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portallink
    ADD CONSTRAINT portal_portallink_pkey PRIMARY KEY (id);


--
-- Name: portal_statementrecipient portal_statementrecipient_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementrecipient
    ADD CONSTRAINT portal_statementrecipient_pkey PRIMARY KEY (id);


--
-- Name: portal_statementrun portal_statementrun_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementrun
    ADD CONSTRAINT portal_statementrun_pkey PRIMARY KEY (id);


--
-- Name: portal_statementschedule portal_statementschedule_company_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementschedule
    ADD CONSTRAINT portal_statementschedule_company_id_key UNIQUE (company_id);


--
-- Name: portal_statementschedule portal_statementschedule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementschedule
    ADD CONSTRAINT portal_statementschedule_pkey PRIMARY KEY (id);


--
-- Name: provisioning_journalentry provisioning_journalentry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_journalentry
    ADD CONSTRAINT provisioning_journalentry_pkey PRIMARY KEY (id);


--
-- Name: provisioning_journalline provisioning_journalline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_journalline
    ADD CONSTRAINT provisioning_journalline_pkey PRIMARY KEY (id);


--
-- Name: provisioning_policyrate provisioning_policyrate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_policyrate
    ADD CONSTRAINT provisioning_policyrate_pkey PRIMARY KEY (id);


--
-- Name: provisioning_provisionpolicy provisioning_provisionpolicy_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionpolicy
    ADD CONSTRAINT provisioning_provisionpolicy_pkey PRIMARY KEY (id);


--
-- Name: provisioning_provisionrun provisioning_provisionrun_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionrun
    ADD CONSTRAINT provisioning_provisionrun_pkey PRIMARY KEY (id);


--
-- Name: provisioning_recovery provisioning_recovery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_recovery
    ADD CONSTRAINT provisioning_recovery_pkey PRIMARY KEY (id);


--
-- Name: provisioning_recovery provisioning_recovery_reinstatement_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_recovery
    ADD CONSTRAINT provisioning_recovery_reinstatement_id_key UNIQUE (reinstatement_id);


--
-- Name: provisioning_runbucket provisioning_runbucket_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_runbucket
    ADD CONSTRAINT provisioning_runbucket_pkey PRIMARY KEY (id);


--
-- Name: provisioning_runline provisioning_runline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_runline
    ADD CONSTRAINT provisioning_runline_pkey PRIMARY KEY (id);


--
-- Name: provisioning_specificprovision provisioning_specificprovision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_specificprovision
    ADD CONSTRAINT provisioning_specificprovision_pkey PRIMARY KEY (id);


--
-- Name: provisioning_writeoff provisioning_writeoff_document_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoff
    ADD CONSTRAINT provisioning_writeoff_document_id_key UNIQUE (document_id);


--
-- Name: provisioning_writeoff provisioning_writeoff_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoff
    ADD CONSTRAINT provisioning_writeoff_pkey PRIMARY KEY (id);


--
-- Name: provisioning_writeoffapproval provisioning_writeoffapproval_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoffapproval
    ADD CONSTRAINT provisioning_writeoffapproval_pkey PRIMARY KEY (id);


--
-- Name: provisioning_writeoffitem provisioning_writeoffitem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoffitem
    ADD CONSTRAINT provisioning_writeoffitem_pkey PRIMARY KEY (id);


--
-- Name: relations_complaint_disputes relations_complaint_disp_complaint_id_dispute_id_da1cbcce_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint_disputes
    ADD CONSTRAINT relations_complaint_disp_complaint_id_dispute_id_da1cbcce_uniq UNIQUE (complaint_id, dispute_id);


--
-- Name: relations_complaint_disputes relations_complaint_disputes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint_disputes
    ADD CONSTRAINT relations_complaint_disputes_pkey PRIMARY KEY (id);


--
-- Name: relations_complaint_lines relations_complaint_lines_complaint_id_dueline_id_059aca94_uniq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint_lines
    ADD CONSTRAINT relations_complaint_lines_complaint_id_dueline_id_059aca94_uniq UNIQUE (complaint_id, dueline_id);


--
-- Name: relations_complaint_lines relations_complaint_lines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint_lines
    ADD CONSTRAINT relations_complaint_lines_pkey PRIMARY KEY (id);


--
-- Name: relations_complaint relations_complaint_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint
    ADD CONSTRAINT relations_complaint_pkey PRIMARY KEY (id);


--
-- Name: relations_complaintevent relations_complaintevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaintevent
    ADD CONSTRAINT relations_complaintevent_pkey PRIMARY KEY (id);


--
-- Name: relations_escalationmail relations_escalationmail_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_escalationmail
    ADD CONSTRAINT relations_escalationmail_pkey PRIMARY KEY (id);


--
-- Name: relations_interaction relations_interaction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_interaction
    ADD CONSTRAINT relations_interaction_pkey PRIMARY KEY (id);


--
-- Name: relations_interactionattachment relations_interactionattachment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_interactionattachment
    ADD CONSTRAINT relations_interactionattachment_pkey PRIMARY KEY (id);


--
-- Name: relations_relationprofile relations_relationprofile_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_relationprofile
    ADD CONSTRAINT relations_relationprofile_pkey PRIMARY KEY (customer_id);


--
-- Name: relations_revisit relations_revisit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_revisit
    ADD CONSTRAINT relations_revisit_pkey PRIMARY KEY (id);


--
-- Name: relations_survey relations_survey_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_survey
    ADD CONSTRAINT relations_survey_pkey PRIMARY KEY (id);


--
-- Name: relations_surveyanswer relations_surveyanswer_invitation_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyanswer
    ADD CONSTRAINT relations_surveyanswer_invitation_id_key UNIQUE (invitation_id);


--
-- Name: relations_surveyanswer relations_surveyanswer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyanswer
    ADD CONSTRAINT relations_surveyanswer_pkey PRIMARY KEY (id);


--
-- Name: relations_surveyinvitation relations_surveyinvitation_nonce_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyinvitation
    ADD CONSTRAINT relations_surveyinvitation_nonce_key UNIQUE (nonce);


--
-- Name: relations_surveyinvitation relations_surveyinvitation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyinvitation
    ADD CONSTRAINT relations_surveyinvitation_pkey PRIMARY KEY (id);


--
-- Name: relations_surveytemplate relations_surveytemplate_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveytemplate
    ADD CONSTRAINT relations_surveytemplate_code_key UNIQUE (code);


--
-- Name: relations_surveytemplate relations_surveytemplate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveytemplate
    ADD CONSTRAINT relations_surveytemplate_pkey PRIMARY KEY (id);


--
-- Name: reports_agingsnapshot reports_agingsnapshot_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_agingsnapshot
    ADD CONSTRAINT reports_agingsnapshot_pkey PRIMARY KEY (id);


--
-- Name: reports_agingsnapshotrow reports_agingsnapshotrow_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_agingsnapshotrow
    ADD CONSTRAINT reports_agingsnapshotrow_pkey PRIMARY KEY (id);


--
-- Name: reports_bucket reports_bucket_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_bucket
    ADD CONSTRAINT reports_bucket_pkey PRIMARY KEY (id);


--
-- Name: reports_bucketset reports_bucketset_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_bucketset
    ADD CONSTRAINT reports_bucketset_code_key UNIQUE (code);


--
-- Name: reports_bucketset reports_bucketset_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_bucketset
    ADD CONSTRAINT reports_bucketset_pkey PRIMARY KEY (id);


--
-- Name: ledger_exchangeday reports_exchangeday_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_exchangeday
    ADD CONSTRAINT reports_exchangeday_pkey PRIMARY KEY (id);


--
-- Name: reports_keptaging reports_keptaging_bucket_set_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_keptaging
    ADD CONSTRAINT reports_keptaging_bucket_set_id_key UNIQUE (bucket_set_id);


--
-- Name: reports_keptaging reports_keptaging_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_keptaging
    ADD CONSTRAINT reports_keptaging_pkey PRIMARY KEY (id);


--
-- Name: reports_keptagingrow reports_keptagingrow_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_keptagingrow
    ADD CONSTRAINT reports_keptagingrow_pkey PRIMARY KEY (id);


--
-- Name: reports_keptchange reports_keptchange_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_keptchange
    ADD CONSTRAINT reports_keptchange_pkey PRIMARY KEY (id);


--
-- Name: ledger_ledgerday reports_ledgerday_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_ledgerday
    ADD CONSTRAINT reports_ledgerday_pkey PRIMARY KEY (id);


--
-- Name: risk_alert risk_alert_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_alert
    ADD CONSTRAINT risk_alert_pkey PRIMARY KEY (id);


--
-- Name: risk_alertemail risk_alertemail_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_alertemail
    ADD CONSTRAINT risk_alertemail_pkey PRIMARY KEY (id);


--
-- Name: risk_riskconfig risk_riskconfig_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_riskconfig
    ADD CONSTRAINT risk_riskconfig_pkey PRIMARY KEY (id);


--
-- Name: risk_riskscan risk_riskscan_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_riskscan
    ADD CONSTRAINT risk_riskscan_pkey PRIMARY KEY (id);


--
-- Name: risk_risksignal risk_risksignal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_risksignal
    ADD CONSTRAINT risk_risksignal_pkey PRIMARY KEY (id);


--
-- Name: risk_watchaction risk_watchaction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchaction
    ADD CONSTRAINT risk_watchaction_pkey PRIMARY KEY (id);


--
-- Name: risk_watchentry risk_watchentry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchentry
    ADD CONSTRAINT risk_watchentry_pkey PRIMARY KEY (id);


--
-- Name: reports_agingsnapshot uniq_aging_snapshot; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_agingsnapshot
    ADD CONSTRAINT uniq_aging_snapshot UNIQUE (as_of, bucket_set_id);


--
-- Name: banking_bankaccount uniq_bank_account_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_bankaccount
    ADD CONSTRAINT uniq_bank_account_code UNIQUE (company_id, code);


--
-- Name: reports_bucket uniq_bucket_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_bucket
    ADD CONSTRAINT uniq_bucket_key UNIQUE (bucket_set_id, key);


--
-- Name: reports_bucket uniq_bucket_seq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_bucket
    ADD CONSTRAINT uniq_bucket_seq UNIQUE (bucket_set_id, seq);


--
-- Name: budgets_budgetline uniq_budget_line; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_budgetline
    ADD CONSTRAINT uniq_budget_line UNIQUE (version_id, dimension, member_id, month);


--
-- Name: budgets_budgetversion uniq_budget_revision; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_budgetversion
    ADD CONSTRAINT uniq_budget_revision UNIQUE (company_id, year, revision);


--
-- Name: ledger_closedperiod uniq_closed_period; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_closedperiod
    ADD CONSTRAINT uniq_closed_period UNIQUE (company_id, period);


--
-- Name: closing_journalentry uniq_closing_journal_number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalentry
    ADD CONSTRAINT uniq_closing_journal_number UNIQUE (company_id, number);


--
-- Name: companies_companygrant uniq_company_grant; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies_companygrant
    ADD CONSTRAINT uniq_company_grant UNIQUE (user_id, company_id);


--
-- Name: portal_confirmationdifference uniq_confirmation_line; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_confirmationdifference
    ADD CONSTRAINT uniq_confirmation_line UNIQUE (confirmation_id, line_id);


--
-- Name: credit_creditgroup uniq_credit_group; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditgroup
    ADD CONSTRAINT uniq_credit_group UNIQUE (company_id, code);


--
-- Name: credit_openorder uniq_credit_order; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_openorder
    ADD CONSTRAINT uniq_credit_order UNIQUE (company_id, order_ref);


--
-- Name: credit_financialstatement uniq_credit_statement; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_financialstatement
    ADD CONSTRAINT uniq_credit_statement UNIQUE (customer_id, period_end, period_kind);


--
-- Name: customers_customer uniq_customer_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customer
    ADD CONSTRAINT uniq_customer_code UNIQUE (company_id, code);


--
-- Name: collections_disputeitem uniq_dispute_item; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputeitem
    ADD CONSTRAINT uniq_dispute_item UNIQUE (dispute_id, line_id);


--
-- Name: ledger_document uniq_document_number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_document
    ADD CONSTRAINT uniq_document_number UNIQUE (company_id, doc_type, number);


--
-- Name: ledger_dueline uniq_due_line; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_dueline
    ADD CONSTRAINT uniq_due_line UNIQUE (document_id, seq);


--
-- Name: collections_dunninglevel uniq_dunning_level; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunninglevel
    ADD CONSTRAINT uniq_dunning_level UNIQUE (policy_id, seq);


--
-- Name: ledger_exchangerate uniq_exchange_rate; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_exchangerate
    ADD CONSTRAINT uniq_exchange_rate UNIQUE (currency, quote_currency, rate_on);


--
-- Name: insights_modelversion uniq_insights_model_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.insights_modelversion
    ADD CONSTRAINT uniq_insights_model_version UNIQUE (company_id, version);


--
-- Name: provisioning_journalentry uniq_journal_number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_journalentry
    ADD CONSTRAINT uniq_journal_number UNIQUE (company_id, number);


--
-- Name: banking_payeralias uniq_payer_alias; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_payeralias
    ADD CONSTRAINT uniq_payer_alias UNIQUE (company_id, kind, key);


--
-- Name: provisioning_policyrate uniq_policy_rate; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_policyrate
    ADD CONSTRAINT uniq_policy_rate UNIQUE (policy_id, bucket_key);


--
-- Name: collections_promiseitem uniq_promise_item; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_promiseitem
    ADD CONSTRAINT uniq_promise_item UNIQUE (promise_id, line_id);


--
-- Name: provisioning_provisionpolicy uniq_provision_policy; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionpolicy
    ADD CONSTRAINT uniq_provision_policy UNIQUE (company_id, segment);


--
-- Name: risk_riskconfig uniq_risk_config_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_riskconfig
    ADD CONSTRAINT uniq_risk_config_version UNIQUE (company_id, version);


--
-- Name: credit_scorecard uniq_scorecard_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_scorecard
    ADD CONSTRAINT uniq_scorecard_version UNIQUE (code, version);


--
-- Name: budgets_segment uniq_segment_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_segment
    ADD CONSTRAINT uniq_segment_code UNIQUE (company_id, code);


--
-- Name: banking_statementline uniq_statement_line_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_statementline
    ADD CONSTRAINT uniq_statement_line_key UNIQUE (account_id, line_key);


--
-- Name: ledger_paymentterminstalment uniq_term_instalment; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_paymentterminstalment
    ADD CONSTRAINT uniq_term_instalment UNIQUE (term_id, seq);


--
-- Name: guide_tourprogress uniq_tour_progress; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_tourprogress
    ADD CONSTRAINT uniq_tour_progress UNIQUE (user_id, tour);


--
-- Name: provisioning_writeoffapproval uniq_write_off_approver; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoffapproval
    ADD CONSTRAINT uniq_write_off_approver UNIQUE (write_off_id, approved_by_id);


--
-- Name: provisioning_writeoffitem uniq_write_off_line; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoffitem
    ADD CONSTRAINT uniq_write_off_line UNIQUE (write_off_id, line_id);


--
-- Name: provisioning_writeoff uniq_write_off_number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoff
    ADD CONSTRAINT uniq_write_off_number UNIQUE (company_id, number);


--
-- Name: accounts_apitoken_key_hash_f9a7d03c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX accounts_apitoken_key_hash_f9a7d03c_like ON public.accounts_apitoken USING btree (key_hash varchar_pattern_ops);


--
-- Name: accounts_apitoken_prefix_8b81ac32_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX accounts_apitoken_prefix_8b81ac32_like ON public.accounts_apitoken USING btree (prefix varchar_pattern_ops);


--
-- Name: accounts_apitoken_user_id_bbee13e0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX accounts_apitoken_user_id_bbee13e0 ON public.accounts_apitoken USING btree (user_id);


--
-- Name: audit_audit_object__599a7d_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_audit_object__599a7d_idx ON public.audit_auditevent USING btree (object_type, object_id, seq);


--
-- Name: audit_auditevent_action_2131bb77; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_auditevent_action_2131bb77 ON public.audit_auditevent USING btree (action);


--
-- Name: audit_auditevent_action_2131bb77_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_auditevent_action_2131bb77_like ON public.audit_auditevent USING btree (action varchar_pattern_ops);


--
-- Name: audit_auditevent_actor_id_270bb4b7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_auditevent_actor_id_270bb4b7 ON public.audit_auditevent USING btree (actor_id);


--
-- Name: audit_auditevent_at_f461ba89; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_auditevent_at_f461ba89 ON public.audit_auditevent USING btree (at);


--
-- Name: auth_group_name_a6ea08ec_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_group_name_a6ea08ec_like ON public.auth_group USING btree (name varchar_pattern_ops);


--
-- Name: auth_group_permissions_group_id_b120cbf9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_group_permissions_group_id_b120cbf9 ON public.auth_group_permissions USING btree (group_id);


--
-- Name: auth_group_permissions_permission_id_84c5c92e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_group_permissions_permission_id_84c5c92e ON public.auth_group_permissions USING btree (permission_id);


--
-- Name: auth_permission_content_type_id_2f476e4b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_permission_content_type_id_2f476e4b ON public.auth_permission USING btree (content_type_id);


--
-- Name: auth_user_groups_group_id_97559544; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_groups_group_id_97559544 ON public.auth_user_groups USING btree (group_id);


--
-- Name: auth_user_groups_user_id_6a12ed8b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_groups_user_id_6a12ed8b ON public.auth_user_groups USING btree (user_id);


--
-- Name: auth_user_user_permissions_permission_id_1fbb5f2c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_user_permissions_permission_id_1fbb5f2c ON public.auth_user_user_permissions USING btree (permission_id);


--
-- Name: auth_user_user_permissions_user_id_a95ead1b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_user_permissions_user_id_a95ead1b ON public.auth_user_user_permissions USING btree (user_id);


--
-- Name: auth_user_username_6821ab7c_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_user_username_6821ab7c_like ON public.auth_user USING btree (username varchar_pattern_ops);


--
-- Name: axes_accessattempt_ip_address_10922d9c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_ip_address_10922d9c ON public.axes_accessattempt USING btree (ip_address);


--
-- Name: axes_accessattempt_user_agent_ad89678b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_user_agent_ad89678b ON public.axes_accessattempt USING btree (user_agent);


--
-- Name: axes_accessattempt_user_agent_ad89678b_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_user_agent_ad89678b_like ON public.axes_accessattempt USING btree (user_agent varchar_pattern_ops);


--
-- Name: axes_accessattempt_username_3f2d4ca0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_username_3f2d4ca0 ON public.axes_accessattempt USING btree (username);


--
-- Name: axes_accessattempt_username_3f2d4ca0_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessattempt_username_3f2d4ca0_like ON public.axes_accessattempt USING btree (username varchar_pattern_ops);


--
-- Name: axes_accessfailurelog_ip_address_2e9f5a7f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_ip_address_2e9f5a7f ON public.axes_accessfailurelog USING btree (ip_address);


--
-- Name: axes_accessfailurelog_user_agent_ea145dda; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_user_agent_ea145dda ON public.axes_accessfailurelog USING btree (user_agent);


--
-- Name: axes_accessfailurelog_user_agent_ea145dda_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_user_agent_ea145dda_like ON public.axes_accessfailurelog USING btree (user_agent varchar_pattern_ops);


--
-- Name: axes_accessfailurelog_username_a8b7e8a4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_username_a8b7e8a4 ON public.axes_accessfailurelog USING btree (username);


--
-- Name: axes_accessfailurelog_username_a8b7e8a4_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accessfailurelog_username_a8b7e8a4_like ON public.axes_accessfailurelog USING btree (username varchar_pattern_ops);


--
-- Name: axes_accesslog_ip_address_86b417e5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_ip_address_86b417e5 ON public.axes_accesslog USING btree (ip_address);


--
-- Name: axes_accesslog_user_agent_0e659004; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_user_agent_0e659004 ON public.axes_accesslog USING btree (user_agent);


--
-- Name: axes_accesslog_user_agent_0e659004_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_user_agent_0e659004_like ON public.axes_accesslog USING btree (user_agent varchar_pattern_ops);


--
-- Name: axes_accesslog_username_df93064b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_username_df93064b ON public.axes_accesslog USING btree (username);


--
-- Name: axes_accesslog_username_df93064b_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX axes_accesslog_username_df93064b_like ON public.axes_accesslog USING btree (username varchar_pattern_ops);


--
-- Name: banking_application_company_id_b90a5042; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_application_company_id_b90a5042 ON public.banking_application USING btree (company_id);


--
-- Name: banking_application_created_by_id_2d1233ed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_application_created_by_id_2d1233ed ON public.banking_application USING btree (created_by_id);


--
-- Name: banking_application_customer_id_6c71e37b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_application_customer_id_6c71e37b ON public.banking_application USING btree (customer_id);


--
-- Name: banking_application_line_id_d22032ea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_application_line_id_d22032ea ON public.banking_application USING btree (line_id);


--
-- Name: banking_bankaccount_company_id_ac737acd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_bankaccount_company_id_ac737acd ON public.banking_bankaccount USING btree (company_id);


--
-- Name: banking_bankstatement_account_id_92586464; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_bankstatement_account_id_92586464 ON public.banking_bankstatement USING btree (account_id);


--
-- Name: banking_bankstatement_company_id_bfeb976d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_bankstatement_company_id_bfeb976d ON public.banking_bankstatement USING btree (company_id);


--
-- Name: banking_bankstatement_imported_by_id_6fba74a4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_bankstatement_imported_by_id_6fba74a4 ON public.banking_bankstatement USING btree (imported_by_id);


--
-- Name: banking_difference_application_id_f26e0658; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_difference_application_id_f26e0658 ON public.banking_difference USING btree (application_id);


--
-- Name: banking_difference_company_id_f3ba3307; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_difference_company_id_f3ba3307 ON public.banking_difference USING btree (company_id);


--
-- Name: banking_difference_decided_by_id_f03cab79; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_difference_decided_by_id_f03cab79 ON public.banking_difference USING btree (decided_by_id);


--
-- Name: banking_difference_requested_by_id_95cb3263; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_difference_requested_by_id_95cb3263 ON public.banking_difference USING btree (requested_by_id);


--
-- Name: banking_line_desk_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_line_desk_idx ON public.banking_statementline USING btree (company_id, booked_on DESC, id) INCLUDE (status, amount, currency);


--
-- Name: banking_payeralias_company_id_d695e814; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_payeralias_company_id_d695e814 ON public.banking_payeralias USING btree (company_id);


--
-- Name: banking_payeralias_created_by_id_7e1213e1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_payeralias_created_by_id_7e1213e1 ON public.banking_payeralias USING btree (created_by_id);


--
-- Name: banking_payeralias_customer_id_5072c40e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_payeralias_customer_id_5072c40e ON public.banking_payeralias USING btree (customer_id);


--
-- Name: banking_sta_company_44b0f0_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_sta_company_44b0f0_idx ON public.banking_statementline USING btree (company_id, status, booked_on);


--
-- Name: banking_statementline_statement_id_cd323feb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX banking_statementline_statement_id_cd323feb ON public.banking_statementline USING btree (statement_id);


--
-- Name: budgets_budgetline_version_id_995b36a5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budgets_budgetline_version_id_995b36a5 ON public.budgets_budgetline USING btree (version_id);


--
-- Name: budgets_budgetversion_approved_by_id_52000057; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budgets_budgetversion_approved_by_id_52000057 ON public.budgets_budgetversion USING btree (approved_by_id);


--
-- Name: budgets_budgetversion_company_id_36013fd2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budgets_budgetversion_company_id_36013fd2 ON public.budgets_budgetversion USING btree (company_id);


--
-- Name: budgets_budgetversion_created_by_id_ef6c0f21; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budgets_budgetversion_created_by_id_ef6c0f21 ON public.budgets_budgetversion USING btree (created_by_id);


--
-- Name: budgets_budgetversion_revision_of_id_c8cf5e1f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budgets_budgetversion_revision_of_id_c8cf5e1f ON public.budgets_budgetversion USING btree (revision_of_id);


--
-- Name: budgets_segment_company_id_c0692795; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budgets_segment_company_id_c0692795 ON public.budgets_segment USING btree (company_id);


--
-- Name: budgets_segment_dunning_policy_id_2dd068f7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX budgets_segment_dunning_policy_id_2dd068f7 ON public.budgets_segment USING btree (dunning_policy_id);


--
-- Name: closing_jou_company_5adbef_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_jou_company_5adbef_idx ON public.closing_journalentry USING btree (company_id, "on");


--
-- Name: closing_jou_company_b30621_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_jou_company_b30621_idx ON public.closing_journalexport USING btree (company_id, period);


--
-- Name: closing_journalentry_company_id_ed1976e9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_journalentry_company_id_ed1976e9 ON public.closing_journalentry USING btree (company_id);


--
-- Name: closing_journalentry_created_by_id_17c72c94; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_journalentry_created_by_id_17c72c94 ON public.closing_journalentry USING btree (created_by_id);


--
-- Name: closing_journalentry_run_id_882c4013; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_journalentry_run_id_882c4013 ON public.closing_journalentry USING btree (run_id);


--
-- Name: closing_journalexport_company_id_df78c8db; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_journalexport_company_id_df78c8db ON public.closing_journalexport USING btree (company_id);


--
-- Name: closing_journalexport_exported_by_id_80751678; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_journalexport_exported_by_id_80751678 ON public.closing_journalexport USING btree (exported_by_id);


--
-- Name: closing_journalline_customer_id_20869429; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_journalline_customer_id_20869429 ON public.closing_journalline USING btree (customer_id);


--
-- Name: closing_journalline_entry_id_2b04bf69; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_journalline_entry_id_2b04bf69 ON public.closing_journalline USING btree (entry_id);


--
-- Name: closing_per_company_513138_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_per_company_513138_idx ON public.closing_periodevent USING btree (company_id, period);


--
-- Name: closing_periodevent_by_id_c54b44f7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_periodevent_by_id_c54b44f7 ON public.closing_periodevent USING btree (by_id);


--
-- Name: closing_periodevent_company_id_9abbe934; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_periodevent_company_id_9abbe934 ON public.closing_periodevent USING btree (company_id);


--
-- Name: closing_periodevent_request_id_b9c54b9e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_periodevent_request_id_b9c54b9e ON public.closing_periodevent USING btree (request_id);


--
-- Name: closing_reopenrequest_company_id_9b047588; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_reopenrequest_company_id_9b047588 ON public.closing_reopenrequest USING btree (company_id);


--
-- Name: closing_reopenrequest_decided_by_id_383f9cc8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_reopenrequest_decided_by_id_383f9cc8 ON public.closing_reopenrequest USING btree (decided_by_id);


--
-- Name: closing_reopenrequest_requested_by_id_09607302; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_reopenrequest_requested_by_id_09607302 ON public.closing_reopenrequest USING btree (requested_by_id);


--
-- Name: closing_rev_company_02393a_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_rev_company_02393a_idx ON public.closing_revaluationrun USING btree (company_id, period, status);


--
-- Name: closing_rev_run_id_254664_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_rev_run_id_254664_idx ON public.closing_revaluationline USING btree (run_id, customer_id);


--
-- Name: closing_revaluationline_run_id_8790d972; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_revaluationline_run_id_8790d972 ON public.closing_revaluationline USING btree (run_id);


--
-- Name: closing_revaluationrun_company_id_2a05f218; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_revaluationrun_company_id_2a05f218 ON public.closing_revaluationrun USING btree (company_id);


--
-- Name: closing_revaluationrun_created_by_id_1ac2191e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_revaluationrun_created_by_id_1ac2191e ON public.closing_revaluationrun USING btree (created_by_id);


--
-- Name: closing_revaluationrun_posted_by_id_b2c5c948; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX closing_revaluationrun_posted_by_id_b2c5c948 ON public.closing_revaluationrun USING btree (posted_by_id);


--
-- Name: collections_collectionprofile_policy_id_bd19c35c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_collectionprofile_policy_id_bd19c35c ON public.collections_collectionprofile USING btree (policy_id);


--
-- Name: collections_company_f82644_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_company_f82644_idx ON public.collections_dunningrun USING btree (company_id, run_on);


--
-- Name: collections_contactlog_company_id_c5da1605; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_contactlog_company_id_c5da1605 ON public.collections_contactlog USING btree (company_id);


--
-- Name: collections_contactlog_contact_id_85e43f6e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_contactlog_contact_id_85e43f6e ON public.collections_contactlog USING btree (contact_id);


--
-- Name: collections_contactlog_customer_id_819801fc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_contactlog_customer_id_819801fc ON public.collections_contactlog USING btree (customer_id);


--
-- Name: collections_contactlog_logged_by_id_2809d334; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_contactlog_logged_by_id_2809d334 ON public.collections_contactlog USING btree (logged_by_id);


--
-- Name: collections_custome_368fc2_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_custome_368fc2_idx ON public.collections_notice USING btree (customer_id, notice_on);


--
-- Name: collections_custome_5d7ecc_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_custome_5d7ecc_idx ON public.collections_dispute USING btree (customer_id, status);


--
-- Name: collections_custome_d53a64_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_custome_d53a64_idx ON public.collections_contactlog USING btree (customer_id, logged_on);


--
-- Name: collections_custome_e2bda8_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_custome_e2bda8_idx ON public.collections_promisetopay USING btree (customer_id, status);


--
-- Name: collections_dispute_company_id_a2db18fd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dispute_company_id_a2db18fd ON public.collections_dispute USING btree (company_id);


--
-- Name: collections_dispute_created_by_id_0397e499; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dispute_created_by_id_0397e499 ON public.collections_dispute USING btree (created_by_id);


--
-- Name: collections_dispute_credit_note_id_52971219; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dispute_credit_note_id_52971219 ON public.collections_dispute USING btree (credit_note_id);


--
-- Name: collections_dispute_customer_id_95addb3c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dispute_customer_id_95addb3c ON public.collections_dispute USING btree (customer_id);


--
-- Name: collections_dispute_owner_id_37deb4d4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dispute_owner_id_37deb4d4 ON public.collections_dispute USING btree (owner_id);


--
-- Name: collections_disputeattachment_dispute_id_65c681a0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_disputeattachment_dispute_id_65c681a0 ON public.collections_disputeattachment USING btree (dispute_id);


--
-- Name: collections_disputeattachment_uploaded_by_id_0bb8a8d1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_disputeattachment_uploaded_by_id_0bb8a8d1 ON public.collections_disputeattachment USING btree (uploaded_by_id);


--
-- Name: collections_disputeitem_dispute_id_e2139d93; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_disputeitem_dispute_id_e2139d93 ON public.collections_disputeitem USING btree (dispute_id);


--
-- Name: collections_disputeitem_line_id_e1eea8b8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_disputeitem_line_id_e1eea8b8 ON public.collections_disputeitem USING btree (line_id);


--
-- Name: collections_disputenote_dispute_id_b67536f4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_disputenote_dispute_id_b67536f4 ON public.collections_disputenote USING btree (dispute_id);


--
-- Name: collections_disputenote_written_by_id_1e836bb7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_disputenote_written_by_id_1e836bb7 ON public.collections_disputenote USING btree (written_by_id);


--
-- Name: collections_dunninglevel_policy_id_d04d8c26; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dunninglevel_policy_id_d04d8c26 ON public.collections_dunninglevel USING btree (policy_id);


--
-- Name: collections_dunningpolicy_code_ea2f2344_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dunningpolicy_code_ea2f2344_like ON public.collections_dunningpolicy USING btree (code varchar_pattern_ops);


--
-- Name: collections_dunningpolicy_company_id_1c25b2d9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dunningpolicy_company_id_1c25b2d9 ON public.collections_dunningpolicy USING btree (company_id);


--
-- Name: collections_dunningrun_company_id_dd5faa45; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dunningrun_company_id_dd5faa45 ON public.collections_dunningrun USING btree (company_id);


--
-- Name: collections_dunningrun_created_by_id_f4417bed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_dunningrun_created_by_id_f4417bed ON public.collections_dunningrun USING btree (created_by_id);


--
-- Name: collections_legalcase_company_id_9c151624; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_legalcase_company_id_9c151624 ON public.collections_legalcase USING btree (company_id);


--
-- Name: collections_legalcase_customer_id_23afdabc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_legalcase_customer_id_23afdabc ON public.collections_legalcase USING btree (customer_id);


--
-- Name: collections_legalcase_opened_by_id_ee50cef1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_legalcase_opened_by_id_ee50cef1 ON public.collections_legalcase USING btree (opened_by_id);


--
-- Name: collections_next_ac_d9da8f_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_next_ac_d9da8f_idx ON public.collections_contactlog USING btree (next_action_on);


--
-- Name: collections_notice__ca77cc_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_notice__ca77cc_idx ON public.collections_noticeitem USING btree (notice_id);


--
-- Name: collections_notice_debit_note_id_38c257cb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_notice_debit_note_id_38c257cb ON public.collections_notice USING btree (debit_note_id);


--
-- Name: collections_notice_level_id_b693449c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_notice_level_id_b693449c ON public.collections_notice USING btree (level_id);


--
-- Name: collections_policygrade_grade_5a7420d6_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_policygrade_grade_5a7420d6_like ON public.collections_policygrade USING btree (grade varchar_pattern_ops);


--
-- Name: collections_policygrade_policy_id_c3d3a907; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_policygrade_policy_id_c3d3a907 ON public.collections_policygrade USING btree (policy_id);


--
-- Name: collections_promiseitem_line_id_7e16028b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_promiseitem_line_id_7e16028b ON public.collections_promiseitem USING btree (line_id);


--
-- Name: collections_promiseitem_promise_id_62462d47; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_promiseitem_promise_id_62462d47 ON public.collections_promiseitem USING btree (promise_id);


--
-- Name: collections_promisetopay_company_id_de758291; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_promisetopay_company_id_de758291 ON public.collections_promisetopay USING btree (company_id);


--
-- Name: collections_promisetopay_contact_log_id_00fb7c92; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_promisetopay_contact_log_id_00fb7c92 ON public.collections_promisetopay USING btree (contact_log_id);


--
-- Name: collections_promisetopay_created_by_id_18d4db6b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_promisetopay_created_by_id_18d4db6b ON public.collections_promisetopay USING btree (created_by_id);


--
-- Name: collections_promisetopay_customer_id_58056131; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_promisetopay_customer_id_58056131 ON public.collections_promisetopay USING btree (customer_id);


--
-- Name: collections_run_id_ad64e9_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_run_id_ad64e9_idx ON public.collections_notice USING btree (run_id, status);


--
-- Name: collections_status_0c632d_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_status_0c632d_idx ON public.collections_dispute USING btree (status, opened_on);


--
-- Name: collections_status_93f2c7_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_status_93f2c7_idx ON public.collections_promisetopay USING btree (status, promised_on);


--
-- Name: collections_status_b96296_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX collections_status_b96296_idx ON public.collections_notice USING btree (status, channel);


--
-- Name: companies_company_code_b4b3e879_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX companies_company_code_b4b3e879_like ON public.companies_company USING btree (code varchar_pattern_ops);


--
-- Name: companies_companygrant_company_id_c507e8bb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX companies_companygrant_company_id_c507e8bb ON public.companies_companygrant USING btree (company_id);


--
-- Name: companies_companygrant_user_id_d2b0c2dc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX companies_companygrant_user_id_d2b0c2dc ON public.companies_companygrant USING btree (user_id);


--
-- Name: credit_approvallevel_group_id_e31c5ed4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_approvallevel_group_id_e31c5ed4 ON public.credit_approvallevel USING btree (group_id);


--
-- Name: credit_cred_company_fec944_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_cred_company_fec944_idx ON public.credit_creditaccount USING btree (company_id, grade);


--
-- Name: credit_cred_custome_21f365_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_cred_custome_21f365_idx ON public.credit_creditrequest USING btree (customer_id, kind, status);


--
-- Name: credit_cred_custome_39f870_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_cred_custome_39f870_idx ON public.credit_creditscore USING btree (customer_id, created_at);


--
-- Name: credit_cred_custome_5595f2_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_cred_custome_5595f2_idx ON public.credit_creditlimitline USING btree (customer_id, batch_id);


--
-- Name: credit_cred_limit_v_619270_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_cred_limit_v_619270_idx ON public.credit_creditaccount USING btree (limit_valid_until);


--
-- Name: credit_cred_status_8e96c7_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_cred_status_8e96c7_idx ON public.credit_creditrequest USING btree (status, requested_at);


--
-- Name: credit_cred_status_979161_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_cred_status_979161_idx ON public.credit_creditreview USING btree (status, due_on);


--
-- Name: credit_creditaccount_company_id_6099460f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditaccount_company_id_6099460f ON public.credit_creditaccount USING btree (company_id);


--
-- Name: credit_creditaccount_group_id_5f11c546; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditaccount_group_id_5f11c546 ON public.credit_creditaccount USING btree (group_id);


--
-- Name: credit_creditaccount_last_score_id_421c23b5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditaccount_last_score_id_421c23b5 ON public.credit_creditaccount USING btree (last_score_id);


--
-- Name: credit_creditgroup_company_id_737fa229; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditgroup_company_id_737fa229 ON public.credit_creditgroup USING btree (company_id);


--
-- Name: credit_creditlimitbatch_company_id_9297d82c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditlimitbatch_company_id_9297d82c ON public.credit_creditlimitbatch USING btree (company_id);


--
-- Name: credit_creditlimitbatch_decided_by_id_b4015cdd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditlimitbatch_decided_by_id_b4015cdd ON public.credit_creditlimitbatch USING btree (decided_by_id);


--
-- Name: credit_creditlimitbatch_prepared_by_id_be6cc243; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditlimitbatch_prepared_by_id_be6cc243 ON public.credit_creditlimitbatch USING btree (prepared_by_id);


--
-- Name: credit_creditlimitline_batch_id_d5743110; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditlimitline_batch_id_d5743110 ON public.credit_creditlimitline USING btree (batch_id);


--
-- Name: credit_creditlimitline_customer_id_4efaf8ab; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditlimitline_customer_id_4efaf8ab ON public.credit_creditlimitline USING btree (customer_id);


--
-- Name: credit_creditrequest_company_id_6076b079; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditrequest_company_id_6076b079 ON public.credit_creditrequest USING btree (company_id);


--
-- Name: credit_creditrequest_customer_id_5c6b9381; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditrequest_customer_id_5c6b9381 ON public.credit_creditrequest USING btree (customer_id);


--
-- Name: credit_creditrequest_decided_by_id_50f63c06; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditrequest_decided_by_id_50f63c06 ON public.credit_creditrequest USING btree (decided_by_id);


--
-- Name: credit_creditrequest_requested_by_id_7c0638b5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditrequest_requested_by_id_7c0638b5 ON public.credit_creditrequest USING btree (requested_by_id);


--
-- Name: credit_creditrequest_used_by_order_id_d0a833d6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditrequest_used_by_order_id_d0a833d6 ON public.credit_creditrequest USING btree (used_by_order_id);


--
-- Name: credit_creditreview_company_id_fb7dec96; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditreview_company_id_fb7dec96 ON public.credit_creditreview USING btree (company_id);


--
-- Name: credit_creditreview_completed_by_id_1540e973; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditreview_completed_by_id_1540e973 ON public.credit_creditreview USING btree (completed_by_id);


--
-- Name: credit_creditreview_customer_id_7240312a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditreview_customer_id_7240312a ON public.credit_creditreview USING btree (customer_id);


--
-- Name: credit_creditreview_score_id_676de4fb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditreview_score_id_676de4fb ON public.credit_creditreview USING btree (score_id);


--
-- Name: credit_creditscore_customer_id_88f51ced; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditscore_customer_id_88f51ced ON public.credit_creditscore USING btree (customer_id);


--
-- Name: credit_creditscore_scorecard_id_48b68458; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditscore_scorecard_id_48b68458 ON public.credit_creditscore USING btree (scorecard_id);


--
-- Name: credit_creditscore_scored_by_id_327e53ba; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_creditscore_scored_by_id_327e53ba ON public.credit_creditscore USING btree (scored_by_id);


--
-- Name: credit_financialstatement_created_by_id_94f50427; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_financialstatement_created_by_id_94f50427 ON public.credit_financialstatement USING btree (created_by_id);


--
-- Name: credit_financialstatement_customer_id_97c6de7c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_financialstatement_customer_id_97c6de7c ON public.credit_financialstatement USING btree (customer_id);


--
-- Name: credit_openorder_checked_by_id_6d1c6780; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_openorder_checked_by_id_6d1c6780 ON public.credit_openorder USING btree (checked_by_id);


--
-- Name: credit_openorder_decided_by_id_88c3fd64; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_openorder_decided_by_id_88c3fd64 ON public.credit_openorder USING btree (decided_by_id);


--
-- Name: credit_order_exposure; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_order_exposure ON public.credit_openorder USING btree (customer_id, status);


--
-- Name: credit_order_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_order_queue ON public.credit_openorder USING btree (status, checked_at);


--
-- Name: credit_scorecard_created_by_id_a5c5a2fd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_scorecard_created_by_id_a5c5a2fd ON public.credit_scorecard USING btree (created_by_id);


--
-- Name: customer_code_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customer_code_order ON public.customers_customer USING btree (code, id);


--
-- Name: customer_name_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customer_name_order ON public.customers_customer USING btree (name, id);


--
-- Name: customer_search_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customer_search_trgm ON public.customers_customer USING gin (search_text public.gin_trgm_ops);


--
-- Name: customers_c_collect_6eacbd_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_c_collect_6eacbd_idx ON public.customers_customer USING btree (collector_id, company_id);


--
-- Name: customers_c_company_10527e_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_c_company_10527e_idx ON public.customers_customer USING btree (company_id, name);


--
-- Name: customers_c_created_1ed0f4_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_c_created_1ed0f4_idx ON public.customers_customer USING btree (created_at);


--
-- Name: customers_c_industr_c5ea21_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_c_industr_c5ea21_idx ON public.customers_customer USING btree (industry);


--
-- Name: customers_c_next_re_3cfb37_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_c_next_re_3cfb37_idx ON public.customers_customer USING btree (next_review_on);


--
-- Name: customers_c_region_6a1590_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_c_region_6a1590_idx ON public.customers_customer USING btree (region);


--
-- Name: customers_c_status_972ab9_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_c_status_972ab9_idx ON public.customers_customer USING btree (status, company_id);


--
-- Name: customers_c_uscc_d4b9d9_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_c_uscc_d4b9d9_idx ON public.customers_customer USING btree (uscc);


--
-- Name: customers_contact_customer_id_b9afc0da; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_contact_customer_id_b9afc0da ON public.customers_contact USING btree (customer_id);


--
-- Name: customers_customer_analyst_id_58261752; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customer_analyst_id_58261752 ON public.customers_customer USING btree (analyst_id);


--
-- Name: customers_customer_bank_account_index_8ee88e75; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customer_bank_account_index_8ee88e75 ON public.customers_customer USING btree (bank_account_index);


--
-- Name: customers_customer_bank_account_index_8ee88e75_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customer_bank_account_index_8ee88e75_like ON public.customers_customer USING btree (bank_account_index varchar_pattern_ops);


--
-- Name: customers_customer_collector_id_8970afe4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customer_collector_id_8970afe4 ON public.customers_customer USING btree (collector_id);


--
-- Name: customers_customer_company_id_d9d820a0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customer_company_id_d9d820a0 ON public.customers_customer USING btree (company_id);


--
-- Name: customers_customer_parent_id_7e55028b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customer_parent_id_7e55028b ON public.customers_customer USING btree (parent_id);


--
-- Name: customers_customerattachment_customer_id_05a3774b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customerattachment_customer_id_05a3774b ON public.customers_customerattachment USING btree (customer_id);


--
-- Name: customers_customerattachment_uploaded_by_id_3ef759f7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customerattachment_uploaded_by_id_3ef759f7 ON public.customers_customerattachment USING btree (uploaded_by_id);


--
-- Name: customers_customerstatuschange_changed_by_id_886abc1f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customerstatuschange_changed_by_id_886abc1f ON public.customers_customerstatuschange USING btree (changed_by_id);


--
-- Name: customers_customerstatuschange_customer_id_749b6c0a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_customerstatuschange_customer_id_749b6c0a ON public.customers_customerstatuschange USING btree (customer_id);


--
-- Name: django_admin_log_content_type_id_c4bce8eb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_admin_log_content_type_id_c4bce8eb ON public.django_admin_log USING btree (content_type_id);


--
-- Name: django_admin_log_user_id_c564eba6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_admin_log_user_id_c564eba6 ON public.django_admin_log USING btree (user_id);


--
-- Name: django_session_expire_date_a5c62663; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_session_expire_date_a5c62663 ON public.django_session USING btree (expire_date);


--
-- Name: django_session_session_key_c0390e0f_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX django_session_session_key_c0390e0f_like ON public.django_session USING btree (session_key varchar_pattern_ops);


--
-- Name: guide_agingcheck_checked_by_id_c82d4f8e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX guide_agingcheck_checked_by_id_c82d4f8e ON public.guide_agingcheck USING btree (checked_by_id);


--
-- Name: guide_agingcheck_company_id_d1345fa2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX guide_agingcheck_company_id_d1345fa2 ON public.guide_agingcheck USING btree (company_id);


--
-- Name: guide_onboardingconfirmation_confirmed_by_id_9908697c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX guide_onboardingconfirmation_confirmed_by_id_9908697c ON public.guide_onboardingconfirmation USING btree (confirmed_by_id);


--
-- Name: guide_onboardingconfirmation_step_d69ae822_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX guide_onboardingconfirmation_step_d69ae822_like ON public.guide_onboardingconfirmation USING btree (step varchar_pattern_ops);


--
-- Name: guide_tourprogress_user_id_21b8d9c8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX guide_tourprogress_user_id_21b8d9c8 ON public.guide_tourprogress USING btree (user_id);


--
-- Name: guide_trainingcopy_requested_by_id_917f7de8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX guide_trainingcopy_requested_by_id_917f7de8 ON public.guide_trainingcopy USING btree (requested_by_id);


--
-- Name: insights_modelversion_company_id_d7f17c00; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX insights_modelversion_company_id_d7f17c00 ON public.insights_modelversion USING btree (company_id);


--
-- Name: insights_modelversion_trained_by_id_50ca0a31; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX insights_modelversion_trained_by_id_50ca0a31 ON public.insights_modelversion USING btree (trained_by_id);


--
-- Name: insights_pred_company_day; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX insights_pred_company_day ON public.insights_prediction USING btree (company_id, expected_on);


--
-- Name: insights_pred_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX insights_pred_customer ON public.insights_prediction USING btree (customer_id);


--
-- Name: insights_pred_line; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX insights_pred_line ON public.insights_prediction USING btree (line_id);


--
-- Name: insights_prediction_company_id_25359ab3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX insights_prediction_company_id_25359ab3 ON public.insights_prediction USING btree (company_id);


--
-- Name: insights_prediction_model_version_id_6900c175; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX insights_prediction_model_version_id_6900c175 ON public.insights_prediction USING btree (model_version_id);


--
-- Name: ledger_allo_custome_df1fbc_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_allo_custome_df1fbc_idx ON public.ledger_allocation USING btree (customer_id, allocated_on);


--
-- Name: ledger_allo_line_id_aaf67d_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_allo_line_id_aaf67d_idx ON public.ledger_allocation USING btree (line_id, allocated_on);


--
-- Name: ledger_allo_source__f2b969_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_allo_source__f2b969_idx ON public.ledger_allocation USING btree (source_id, allocated_on);


--
-- Name: ledger_allocation_after; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_allocation_after ON public.ledger_allocation USING btree (allocated_on) INCLUDE (line_id, source_id, customer_id, company_id, currency, line_issue_on, line_due_on, source_issue_on, amount, functional_amount, source_functional_amount);


--
-- Name: ledger_allocation_fx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_allocation_fx ON public.ledger_allocation USING btree (allocated_on) WHERE (NOT (functional_amount = source_functional_amount));


--
-- Name: ledger_closedperiod_closed_by_id_484f46ba; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_closedperiod_closed_by_id_484f46ba ON public.ledger_closedperiod USING btree (closed_by_id);


--
-- Name: ledger_closedperiod_company_id_1763cc49; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_closedperiod_company_id_1763cc49 ON public.ledger_closedperiod USING btree (company_id);


--
-- Name: ledger_credit_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_credit_open ON public.ledger_document USING btree (settled_on, issue_on) INCLUDE (id, customer_id, company_id, currency, status, reversal_of_id, unapplied_now, unapplied_functional_now) WHERE (amount < 0);


--
-- Name: ledger_credit_reopened; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_credit_reopened ON public.ledger_document USING btree (settled_on, issue_on) INCLUDE (id, customer_id, company_id, currency, status, reversal_of_id, unapplied_now, unapplied_functional_now) WHERE ((amount < 0) AND (settled_on IS NOT NULL) AND (NOT (unapplied_now = 0)));


--
-- Name: ledger_customerterms_payment_term_id_a9b4e151; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_customerterms_payment_term_id_a9b4e151 ON public.ledger_customerterms USING btree (payment_term_id);


--
-- Name: ledger_day; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_day ON public.ledger_ledgerday USING btree (company_id, day);


--
-- Name: ledger_docu_company_cb49c8_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_docu_company_cb49c8_idx ON public.ledger_document USING btree (company_id, doc_type, issue_on);


--
-- Name: ledger_docu_custome_0fd9d9_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_docu_custome_0fd9d9_idx ON public.ledger_document USING btree (customer_id, issue_on);


--
-- Name: ledger_duel_custome_36dae2_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_duel_custome_36dae2_idx ON public.ledger_dueline USING btree (customer_id, due_on);


--
-- Name: ledger_exchange_day; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_exchange_day ON public.ledger_exchangeday USING btree (company_id, day);


--
-- Name: ledger_importbatch_company_id_0bce6587; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_importbatch_company_id_0bce6587 ON public.ledger_importbatch USING btree (company_id);


--
-- Name: ledger_importbatch_created_by_id_8a2cb378; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_importbatch_created_by_id_8a2cb378 ON public.ledger_importbatch USING btree (created_by_id);


--
-- Name: ledger_importjob_batch_id_2c863dc4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_importjob_batch_id_2c863dc4 ON public.ledger_importjob USING btree (batch_id);


--
-- Name: ledger_importjob_company_id_a8d70e5d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_importjob_company_id_a8d70e5d ON public.ledger_importjob USING btree (company_id);


--
-- Name: ledger_importjob_created_by_id_96c40976; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_importjob_created_by_id_96c40976 ON public.ledger_importjob USING btree (created_by_id);


--
-- Name: ledger_line_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_line_open ON public.ledger_dueline USING btree (settled_on) INCLUDE (id, issue_on, due_on, company_id, customer_id, currency, open_now, open_functional_now);


--
-- Name: ledger_line_reopened; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_line_reopened ON public.ledger_dueline USING btree (settled_on) INCLUDE (id, issue_on, due_on, company_id, customer_id, currency, open_now, open_functional_now) WHERE ((settled_on IS NOT NULL) AND (NOT (open_now = 0)));


--
-- Name: ledger_paymentterm_code_9b3449b0_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_paymentterm_code_9b3449b0_like ON public.ledger_paymentterm USING btree (code varchar_pattern_ops);


--
-- Name: ledger_paymentterminstalment_term_id_d0c5cbce; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_paymentterminstalment_term_id_d0c5cbce ON public.ledger_paymentterminstalment USING btree (term_id);


--
-- Name: ledger_statementrun_company_id_b4d9af1c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_statementrun_company_id_b4d9af1c ON public.ledger_statementrun USING btree (company_id);


--
-- Name: ledger_statementrun_created_by_id_73090588; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ledger_statementrun_created_by_id_73090588 ON public.ledger_statementrun USING btree (created_by_id);


--
-- Name: one_active_signal_per_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX one_active_signal_per_kind ON public.risk_risksignal USING btree (customer_id, kind) WHERE ((status)::text = 'active'::text);


--
-- Name: one_default_bucket_set; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX one_default_bucket_set ON public.reports_bucketset USING btree (basis) WHERE is_default;


--
-- Name: one_default_policy; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX one_default_policy ON public.collections_dunningpolicy USING btree (is_default) WHERE is_default;


--
-- Name: one_open_credit_review; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX one_open_credit_review ON public.credit_creditreview USING btree (customer_id) WHERE ((status)::text = 'open'::text);


--
-- Name: one_open_watch_entry; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX one_open_watch_entry ON public.risk_watchentry USING btree (customer_id) WHERE ((status)::text = 'open'::text);


--
-- Name: one_pending_reopen_request; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX one_pending_reopen_request ON public.closing_reopenrequest USING btree (company_id, period) WHERE ((status)::text = 'requested'::text);


--
-- Name: one_revisit_per_source; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX one_revisit_per_source ON public.relations_revisit USING btree (customer_id, source) WHERE (NOT ((source)::text = ''::text));


--
-- Name: one_unread_alert_per_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX one_unread_alert_per_customer ON public.risk_alert USING btree (user_id, customer_id) WHERE (read_at IS NULL);


--
-- Name: operations_heartbeat_name_d3241849_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX operations_heartbeat_name_d3241849_like ON public.operations_heartbeat USING btree (name varchar_pattern_ops);


--
-- Name: portal_bala_company_98067c_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_bala_company_98067c_idx ON public.portal_balanceconfirmation USING btree (company_id, as_of);


--
-- Name: portal_bala_custome_48bbf7_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_bala_custome_48bbf7_idx ON public.portal_balanceconfirmation USING btree (customer_id, as_of);


--
-- Name: portal_balanceconfirmation_company_id_87aaaee9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_balanceconfirmation_company_id_87aaaee9 ON public.portal_balanceconfirmation USING btree (company_id);


--
-- Name: portal_balanceconfirmation_customer_id_f9964eea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_balanceconfirmation_customer_id_f9964eea ON public.portal_balanceconfirmation USING btree (customer_id);


--
-- Name: portal_balanceconfirmation_link_id_3d12df4e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_balanceconfirmation_link_id_3d12df4e ON public.portal_balanceconfirmation USING btree (link_id);


--
-- Name: portal_confirmationdifference_confirmation_id_77deb20b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_confirmationdifference_confirmation_id_77deb20b ON public.portal_confirmationdifference USING btree (confirmation_id);


--
-- Name: portal_confirmationdifference_line_id_932851f1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_confirmationdifference_line_id_932851f1 ON public.portal_confirmationdifference USING btree (line_id);


--
-- Name: portal_cust_frequen_30f07b_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_cust_frequen_30f07b_idx ON public.portal_customerstatementsetting USING btree (frequency);


--
-- Name: portal_customerstatementsetting_changed_by_id_c24f92e4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_customerstatementsetting_changed_by_id_c24f92e4 ON public.portal_customerstatementsetting USING btree (changed_by_id);


--
-- Name: portal_port_custome_70bd21_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_port_custome_70bd21_idx ON public.portal_portallink USING btree (customer_id, revoked_at);


--
-- Name: portal_portalaccess_link_id_57f9939f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_portalaccess_link_id_57f9939f ON public.portal_portalaccess USING btree (link_id);


--
-- Name: portal_portalcode_link_id_1d61de74; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_portalcode_link_id_1d61de74 ON public.portal_portalcode USING btree (link_id);


--
-- Name: portal_portallink_company_id_95165220; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_portallink_company_id_95165220 ON public.portal_portallink USING btree (company_id);


--
-- Name: portal_portallink_contact_id_5a0b54a4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_portallink_contact_id_5a0b54a4 ON public.portal_portallink USING btree (contact_id);


--
-- Name: portal_portallink_created_by_id_da287e72; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_portallink_created_by_id_da287e72 ON public.portal_portallink USING btree (created_by_id);


--
-- Name: portal_portallink_customer_id_b802331c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_portallink_customer_id_b802331c ON public.portal_portallink USING btree (customer_id);


--
-- Name: portal_portallink_nonce_f496b1d0_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_portallink_nonce_f496b1d0_like ON public.portal_portallink USING btree (nonce varchar_pattern_ops);


--
-- Name: portal_portallink_revoked_by_id_2c126775; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_portallink_revoked_by_id_2c126775 ON public.portal_portallink USING btree (revoked_by_id);


--
-- Name: portal_stat_company_3db6a4_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_stat_company_3db6a4_idx ON public.portal_statementrun USING btree (company_id, date_to);


--
-- Name: portal_stat_run_id_8f09b0_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_stat_run_id_8f09b0_idx ON public.portal_statementrecipient USING btree (run_id, status);


--
-- Name: portal_statementrecipient_answer_id_d5b38359; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_statementrecipient_answer_id_d5b38359 ON public.portal_statementrecipient USING btree (answer_id);


--
-- Name: portal_statementrecipient_contact_id_07ec9b4e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_statementrecipient_contact_id_07ec9b4e ON public.portal_statementrecipient USING btree (contact_id);


--
-- Name: portal_statementrecipient_customer_id_a1d3b82b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_statementrecipient_customer_id_a1d3b82b ON public.portal_statementrecipient USING btree (customer_id);


--
-- Name: portal_statementrecipient_link_id_58f346ae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_statementrecipient_link_id_58f346ae ON public.portal_statementrecipient USING btree (link_id);


--
-- Name: portal_statementrecipient_run_id_942f2ffc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_statementrecipient_run_id_942f2ffc ON public.portal_statementrecipient USING btree (run_id);


--
-- Name: portal_statementrun_company_id_a2092295; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_statementrun_company_id_a2092295 ON public.portal_statementrun USING btree (company_id);


--
-- Name: portal_statementrun_created_by_id_f55b74f7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_statementrun_created_by_id_f55b74f7 ON public.portal_statementrun USING btree (created_by_id);


--
-- Name: portal_statementschedule_changed_by_id_82090e40; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX portal_statementschedule_changed_by_id_82090e40 ON public.portal_statementschedule USING btree (changed_by_id);


--
-- Name: provisionin_company_0d522c_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisionin_company_0d522c_idx ON public.provisioning_journalentry USING btree (company_id, "on");


--
-- Name: provisionin_company_3f91ca_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisionin_company_3f91ca_idx ON public.provisioning_provisionrun USING btree (company_id, as_of);


--
-- Name: provisionin_run_id_35bf89_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisionin_run_id_35bf89_idx ON public.provisioning_runline USING btree (run_id, bucket_id);


--
-- Name: provisioning_journalentry_company_id_d2bafbb1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_journalentry_company_id_d2bafbb1 ON public.provisioning_journalentry USING btree (company_id);


--
-- Name: provisioning_journalentry_created_by_id_35bc19a7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_journalentry_created_by_id_35bc19a7 ON public.provisioning_journalentry USING btree (created_by_id);


--
-- Name: provisioning_journalentry_recovery_id_f4b4b46b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_journalentry_recovery_id_f4b4b46b ON public.provisioning_journalentry USING btree (recovery_id);


--
-- Name: provisioning_journalentry_run_id_e7557ffb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_journalentry_run_id_e7557ffb ON public.provisioning_journalentry USING btree (run_id);


--
-- Name: provisioning_journalentry_write_off_id_09fed905; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_journalentry_write_off_id_09fed905 ON public.provisioning_journalentry USING btree (write_off_id);


--
-- Name: provisioning_journalline_entry_id_54124b49; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_journalline_entry_id_54124b49 ON public.provisioning_journalline USING btree (entry_id);


--
-- Name: provisioning_policyrate_policy_id_0356adbd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_policyrate_policy_id_0356adbd ON public.provisioning_policyrate USING btree (policy_id);


--
-- Name: provisioning_provisionpolicy_bucket_set_id_587e324c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_provisionpolicy_bucket_set_id_587e324c ON public.provisioning_provisionpolicy USING btree (bucket_set_id);


--
-- Name: provisioning_provisionpolicy_company_id_36b933b7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_provisionpolicy_company_id_36b933b7 ON public.provisioning_provisionpolicy USING btree (company_id);


--
-- Name: provisioning_provisionpolicy_updated_by_id_b356602d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_provisionpolicy_updated_by_id_b356602d ON public.provisioning_provisionpolicy USING btree (updated_by_id);


--
-- Name: provisioning_provisionrun_approved_by_id_36622b0c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_provisionrun_approved_by_id_36622b0c ON public.provisioning_provisionrun USING btree (approved_by_id);


--
-- Name: provisioning_provisionrun_company_id_bda03e9c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_provisionrun_company_id_bda03e9c ON public.provisioning_provisionrun USING btree (company_id);


--
-- Name: provisioning_provisionrun_prepared_by_id_c986d342; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_provisionrun_prepared_by_id_c986d342 ON public.provisioning_provisionrun USING btree (prepared_by_id);


--
-- Name: provisioning_provisionrun_superseded_by_id_a1573e3c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_provisionrun_superseded_by_id_a1573e3c ON public.provisioning_provisionrun USING btree (superseded_by_id);


--
-- Name: provisioning_recovery_company_id_8359df2a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_recovery_company_id_8359df2a ON public.provisioning_recovery USING btree (company_id);


--
-- Name: provisioning_recovery_receipt_id_cea433c8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_recovery_receipt_id_cea433c8 ON public.provisioning_recovery USING btree (receipt_id);


--
-- Name: provisioning_recovery_recorded_by_id_31440a67; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_recovery_recorded_by_id_31440a67 ON public.provisioning_recovery USING btree (recorded_by_id);


--
-- Name: provisioning_recovery_write_off_id_3c8a9b62; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_recovery_write_off_id_3c8a9b62 ON public.provisioning_recovery USING btree (write_off_id);


--
-- Name: provisioning_runbucket_run_id_92945662; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_runbucket_run_id_92945662 ON public.provisioning_runbucket USING btree (run_id);


--
-- Name: provisioning_specificprovision_company_id_1848bb42; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_specificprovision_company_id_1848bb42 ON public.provisioning_specificprovision USING btree (company_id);


--
-- Name: provisioning_specificprovision_created_by_id_f0d790b0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_specificprovision_created_by_id_f0d790b0 ON public.provisioning_specificprovision USING btree (created_by_id);


--
-- Name: provisioning_specificprovision_customer_id_62636e82; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_specificprovision_customer_id_62636e82 ON public.provisioning_specificprovision USING btree (customer_id);


--
-- Name: provisioning_specificprovision_document_id_19f6efba; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_specificprovision_document_id_19f6efba ON public.provisioning_specificprovision USING btree (document_id);


--
-- Name: provisioning_writeoff_company_id_58bbd2e6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_writeoff_company_id_58bbd2e6 ON public.provisioning_writeoff USING btree (company_id);


--
-- Name: provisioning_writeoff_customer_id_5ab913f2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_writeoff_customer_id_5ab913f2 ON public.provisioning_writeoff USING btree (customer_id);


--
-- Name: provisioning_writeoff_rejected_by_id_47bdb88e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_writeoff_rejected_by_id_47bdb88e ON public.provisioning_writeoff USING btree (rejected_by_id);


--
-- Name: provisioning_writeoff_requested_by_id_cd405963; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_writeoff_requested_by_id_cd405963 ON public.provisioning_writeoff USING btree (requested_by_id);


--
-- Name: provisioning_writeoffapproval_approved_by_id_f2952bdc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_writeoffapproval_approved_by_id_f2952bdc ON public.provisioning_writeoffapproval USING btree (approved_by_id);


--
-- Name: provisioning_writeoffapproval_write_off_id_be1d1326; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_writeoffapproval_write_off_id_be1d1326 ON public.provisioning_writeoffapproval USING btree (write_off_id);


--
-- Name: provisioning_writeoffitem_line_id_83298e3c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_writeoffitem_line_id_83298e3c ON public.provisioning_writeoffitem USING btree (line_id);


--
-- Name: provisioning_writeoffitem_write_off_id_816dac90; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX provisioning_writeoffitem_write_off_id_816dac90 ON public.provisioning_writeoffitem USING btree (write_off_id);


--
-- Name: rel_answer_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_answer_customer ON public.relations_surveyanswer USING btree (customer_id, answered_on DESC);


--
-- Name: rel_complaint_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_complaint_customer ON public.relations_complaint USING btree (customer_id, opened_on DESC);


--
-- Name: rel_complaint_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_complaint_due ON public.relations_complaint USING btree (status, due_on);


--
-- Name: rel_complaint_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_complaint_owner ON public.relations_complaint USING btree (owner_id, status);


--
-- Name: rel_complaint_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_complaint_status ON public.relations_complaint USING btree (status, opened_on);


--
-- Name: rel_interaction_next; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_interaction_next ON public.relations_interaction USING btree (next_action_on);


--
-- Name: rel_interaction_timeline; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_interaction_timeline ON public.relations_interaction USING btree (customer_id, occurred_on DESC, id DESC);


--
-- Name: rel_invitation_survey; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_invitation_survey ON public.relations_surveyinvitation USING btree (survey_id, answered_at);


--
-- Name: rel_revisit_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_revisit_due ON public.relations_revisit USING btree (status, due_on);


--
-- Name: rel_revisit_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rel_revisit_owner ON public.relations_revisit USING btree (owner_id, status, due_on);


--
-- Name: relations_complaint_company_id_8c666dc7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_company_id_8c666dc7 ON public.relations_complaint USING btree (company_id);


--
-- Name: relations_complaint_contact_id_82be4864; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_contact_id_82be4864 ON public.relations_complaint USING btree (contact_id);


--
-- Name: relations_complaint_created_by_id_33f1e411; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_created_by_id_33f1e411 ON public.relations_complaint USING btree (created_by_id);


--
-- Name: relations_complaint_customer_id_651442f4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_customer_id_651442f4 ON public.relations_complaint USING btree (customer_id);


--
-- Name: relations_complaint_disputes_complaint_id_351e10c4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_disputes_complaint_id_351e10c4 ON public.relations_complaint_disputes USING btree (complaint_id);


--
-- Name: relations_complaint_disputes_dispute_id_b62c0a77; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_disputes_dispute_id_b62c0a77 ON public.relations_complaint_disputes USING btree (dispute_id);


--
-- Name: relations_complaint_escalated_to_id_a72befae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_escalated_to_id_a72befae ON public.relations_complaint USING btree (escalated_to_id);


--
-- Name: relations_complaint_lines_complaint_id_2e759b9d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_lines_complaint_id_2e759b9d ON public.relations_complaint_lines USING btree (complaint_id);


--
-- Name: relations_complaint_lines_dueline_id_d3ecec5f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_lines_dueline_id_d3ecec5f ON public.relations_complaint_lines USING btree (dueline_id);


--
-- Name: relations_complaint_owner_id_a1141b2b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaint_owner_id_a1141b2b ON public.relations_complaint USING btree (owner_id);


--
-- Name: relations_complaintevent_by_id_78ca1444; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaintevent_by_id_78ca1444 ON public.relations_complaintevent USING btree (by_id);


--
-- Name: relations_complaintevent_complaint_id_2854c144; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_complaintevent_complaint_id_2854c144 ON public.relations_complaintevent USING btree (complaint_id);


--
-- Name: relations_escalationmail_complaint_id_57229a91; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_escalationmail_complaint_id_57229a91 ON public.relations_escalationmail USING btree (complaint_id);


--
-- Name: relations_escalationmail_recipient_id_34b3af25; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_escalationmail_recipient_id_34b3af25 ON public.relations_escalationmail USING btree (recipient_id);


--
-- Name: relations_interaction_company_id_9dbe2ada; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_interaction_company_id_9dbe2ada ON public.relations_interaction USING btree (company_id);


--
-- Name: relations_interaction_complaint_id_c94ff439; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_interaction_complaint_id_c94ff439 ON public.relations_interaction USING btree (complaint_id);


--
-- Name: relations_interaction_contact_id_55e64bd7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_interaction_contact_id_55e64bd7 ON public.relations_interaction USING btree (contact_id);


--
-- Name: relations_interaction_customer_id_a15260c6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_interaction_customer_id_a15260c6 ON public.relations_interaction USING btree (customer_id);


--
-- Name: relations_interaction_logged_by_id_2dda1345; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_interaction_logged_by_id_2dda1345 ON public.relations_interaction USING btree (logged_by_id);


--
-- Name: relations_interactionattachment_interaction_id_0ca67b15; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_interactionattachment_interaction_id_0ca67b15 ON public.relations_interactionattachment USING btree (interaction_id);


--
-- Name: relations_interactionattachment_uploaded_by_id_fc782e7c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_interactionattachment_uploaded_by_id_fc782e7c ON public.relations_interactionattachment USING btree (uploaded_by_id);


--
-- Name: relations_relationprofile_owner_id_36152f12; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_relationprofile_owner_id_36152f12 ON public.relations_relationprofile USING btree (owner_id);


--
-- Name: relations_revisit_company_id_9d8e4649; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_revisit_company_id_9d8e4649 ON public.relations_revisit USING btree (company_id);


--
-- Name: relations_revisit_customer_id_dfe84d02; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_revisit_customer_id_dfe84d02 ON public.relations_revisit USING btree (customer_id);


--
-- Name: relations_revisit_interaction_id_2233df14; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_revisit_interaction_id_2233df14 ON public.relations_revisit USING btree (interaction_id);


--
-- Name: relations_revisit_owner_id_efaaf858; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_revisit_owner_id_efaaf858 ON public.relations_revisit USING btree (owner_id);


--
-- Name: relations_survey_company_id_faf46080; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_survey_company_id_faf46080 ON public.relations_survey USING btree (company_id);


--
-- Name: relations_survey_sent_by_id_5cf661e8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_survey_sent_by_id_5cf661e8 ON public.relations_survey USING btree (sent_by_id);


--
-- Name: relations_survey_template_id_c69cbba2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_survey_template_id_c69cbba2 ON public.relations_survey USING btree (template_id);


--
-- Name: relations_surveyanswer_company_id_6f30b353; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_surveyanswer_company_id_6f30b353 ON public.relations_surveyanswer USING btree (company_id);


--
-- Name: relations_surveyanswer_customer_id_7fd2d2a8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_surveyanswer_customer_id_7fd2d2a8 ON public.relations_surveyanswer USING btree (customer_id);


--
-- Name: relations_surveyanswer_survey_id_4e4b6717; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_surveyanswer_survey_id_4e4b6717 ON public.relations_surveyanswer USING btree (survey_id);


--
-- Name: relations_surveyinvitation_company_id_9f252f6d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_surveyinvitation_company_id_9f252f6d ON public.relations_surveyinvitation USING btree (company_id);


--
-- Name: relations_surveyinvitation_contact_id_b447d6ab; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_surveyinvitation_contact_id_b447d6ab ON public.relations_surveyinvitation USING btree (contact_id);


--
-- Name: relations_surveyinvitation_customer_id_c4770b77; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_surveyinvitation_customer_id_c4770b77 ON public.relations_surveyinvitation USING btree (customer_id);


--
-- Name: relations_surveyinvitation_nonce_52d60b5d_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_surveyinvitation_nonce_52d60b5d_like ON public.relations_surveyinvitation USING btree (nonce varchar_pattern_ops);


--
-- Name: relations_surveyinvitation_survey_id_8b0e46c3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_surveyinvitation_survey_id_8b0e46c3 ON public.relations_surveyinvitation USING btree (survey_id);


--
-- Name: relations_surveytemplate_code_9afa009b_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX relations_surveytemplate_code_9afa009b_like ON public.relations_surveytemplate USING btree (code varchar_pattern_ops);


--
-- Name: reports_agi_custome_f0c1db_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_agi_custome_f0c1db_idx ON public.reports_agingsnapshotrow USING btree (customer_id, snapshot_id);


--
-- Name: reports_agi_snapsho_188d53_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_agi_snapsho_188d53_idx ON public.reports_agingsnapshotrow USING btree (snapshot_id, company_id);


--
-- Name: reports_agingsnapshot_bucket_set_id_3e5d91a2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_agingsnapshot_bucket_set_id_3e5d91a2 ON public.reports_agingsnapshot USING btree (bucket_set_id);


--
-- Name: reports_agingsnapshot_created_by_id_142e43e5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_agingsnapshot_created_by_id_142e43e5 ON public.reports_agingsnapshot USING btree (created_by_id);


--
-- Name: reports_agingsnapshotrow_snapshot_id_05efbd2a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_agingsnapshotrow_snapshot_id_05efbd2a ON public.reports_agingsnapshotrow USING btree (snapshot_id);


--
-- Name: reports_bucket_bucket_set_id_fb1fc110; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_bucket_bucket_set_id_fb1fc110 ON public.reports_bucket USING btree (bucket_set_id);


--
-- Name: reports_bucket_key_2370531a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_bucket_key_2370531a ON public.reports_bucket USING btree (key);


--
-- Name: reports_bucket_key_2370531a_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_bucket_key_2370531a_like ON public.reports_bucket USING btree (key varchar_pattern_ops);


--
-- Name: reports_bucketset_code_531d9458_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_bucketset_code_531d9458_like ON public.reports_bucketset USING btree (code varchar_pattern_ops);


--
-- Name: reports_exchangeday_company_id_aca31761; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_exchangeday_company_id_aca31761 ON public.ledger_exchangeday USING btree (company_id);


--
-- Name: reports_kept_row; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_kept_row ON public.reports_keptagingrow USING btree (kept_id, seq);


--
-- Name: reports_ledgerday_company_id_bf2ef1b7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reports_ledgerday_company_id_bf2ef1b7 ON public.ledger_ledgerday USING btree (company_id);


--
-- Name: risk_alert_company_id_997b4ff1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_alert_company_id_997b4ff1 ON public.risk_alert USING btree (company_id);


--
-- Name: risk_alert_customer_id_ec5fa2e4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_alert_customer_id_ec5fa2e4 ON public.risk_alert USING btree (customer_id);


--
-- Name: risk_alert_inbox; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_alert_inbox ON public.risk_alert USING btree (user_id, read_at);


--
-- Name: risk_alert_to_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_alert_to_email ON public.risk_alert USING btree (email_pending) WHERE email_pending;


--
-- Name: risk_alerte_user_id_0c79ee_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_alerte_user_id_0c79ee_idx ON public.risk_alertemail USING btree (user_id, kind, sent_on);


--
-- Name: risk_alertemail_user_id_096b8a9e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_alertemail_user_id_096b8a9e ON public.risk_alertemail USING btree (user_id);


--
-- Name: risk_riskconfig_company_id_dee251a3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_riskconfig_company_id_dee251a3 ON public.risk_riskconfig USING btree (company_id);


--
-- Name: risk_riskconfig_created_by_id_d21ed0a2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_riskconfig_created_by_id_d21ed0a2 ON public.risk_riskconfig USING btree (created_by_id);


--
-- Name: risk_risksc_company_50a7f7_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_risksc_company_50a7f7_idx ON public.risk_riskscan USING btree (company_id, as_of);


--
-- Name: risk_riskscan_company_id_970bfd2a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_riskscan_company_id_970bfd2a ON public.risk_riskscan USING btree (company_id);


--
-- Name: risk_riskscan_config_id_e4c78766; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_riskscan_config_id_e4c78766 ON public.risk_riskscan USING btree (config_id);


--
-- Name: risk_risksignal_company_id_bfc3b1a9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_risksignal_company_id_bfc3b1a9 ON public.risk_risksignal USING btree (company_id);


--
-- Name: risk_signal_history; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_signal_history ON public.risk_risksignal USING btree (customer_id, first_seen_on);


--
-- Name: risk_signal_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_signal_open ON public.risk_risksignal USING btree (company_id, status, severity);


--
-- Name: risk_watch_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_watch_customer ON public.risk_watchentry USING btree (customer_id, opened_on);


--
-- Name: risk_watch_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_watch_open ON public.risk_watchentry USING btree (company_id, status, review_on);


--
-- Name: risk_watchaction_created_by_id_b1e6707c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_watchaction_created_by_id_b1e6707c ON public.risk_watchaction USING btree (created_by_id);


--
-- Name: risk_watchaction_done_by_id_a6ebb47a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_watchaction_done_by_id_a6ebb47a ON public.risk_watchaction USING btree (done_by_id);


--
-- Name: risk_watchaction_entry_id_477c8208; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_watchaction_entry_id_477c8208 ON public.risk_watchaction USING btree (entry_id);


--
-- Name: risk_watchentry_closed_by_id_9d2e6c2e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_watchentry_closed_by_id_9d2e6c2e ON public.risk_watchentry USING btree (closed_by_id);


--
-- Name: risk_watchentry_company_id_349a4729; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_watchentry_company_id_349a4729 ON public.risk_watchentry USING btree (company_id);


--
-- Name: risk_watchentry_opened_by_id_ade7e785; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_watchentry_opened_by_id_ade7e785 ON public.risk_watchentry USING btree (opened_by_id);


--
-- Name: risk_watchentry_owner_id_3e7c2612; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_watchentry_owner_id_3e7c2612 ON public.risk_watchentry USING btree (owner_id);


--
-- Name: uniq_allocation_reversal; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uniq_allocation_reversal ON public.ledger_allocation USING btree (reverses_id) WHERE (reverses_id IS NOT NULL);


--
-- Name: uniq_customer_uscc; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uniq_customer_uscc ON public.customers_customer USING btree (company_id, uscc) WHERE (NOT ((uscc)::text = ''::text));


--
-- Name: uniq_document_external_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uniq_document_external_ref ON public.ledger_document USING btree (company_id, doc_type, external_ref) WHERE (NOT ((external_ref)::text = ''::text));


--
-- Name: uniq_document_reversal; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uniq_document_reversal ON public.ledger_document USING btree (reversal_of_id) WHERE (reversal_of_id IS NOT NULL);


--
-- Name: ledger_allocation ledger_allocation_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_allocation_changed AFTER UPDATE OF company_id, allocated_on, functional_amount, source_functional_amount ON public.ledger_allocation FOR EACH ROW WHEN (((old.company_id IS DISTINCT FROM new.company_id) OR (old.allocated_on IS DISTINCT FROM new.allocated_on) OR (old.functional_amount IS DISTINCT FROM new.functional_amount) OR (old.source_functional_amount IS DISTINCT FROM new.source_functional_amount))) EXECUTE FUNCTION public.ledger_allocation_changed();


--
-- Name: ledger_allocation ledger_allocation_removed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_allocation_removed AFTER DELETE ON public.ledger_allocation FOR EACH ROW EXECUTE FUNCTION public.ledger_allocation_changed();


--
-- Name: ledger_allocation ledger_allocations_added; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_allocations_added AFTER INSERT ON public.ledger_allocation FOR EACH ROW WHEN ((new.functional_amount <> new.source_functional_amount)) EXECUTE FUNCTION public.ledger_allocation_changed();


--
-- Name: ledger_document ledger_document_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_document_changed AFTER UPDATE OF status, amount, functional_amount, issue_on, company_id, currency, doc_type ON public.ledger_document FOR EACH ROW WHEN ((((old.status)::text IS DISTINCT FROM (new.status)::text) OR (old.amount IS DISTINCT FROM new.amount) OR (old.functional_amount IS DISTINCT FROM new.functional_amount) OR (old.issue_on IS DISTINCT FROM new.issue_on) OR (old.company_id IS DISTINCT FROM new.company_id) OR ((old.currency)::text IS DISTINCT FROM (new.currency)::text) OR ((old.doc_type)::text IS DISTINCT FROM (new.doc_type)::text))) EXECUTE FUNCTION public.ledger_document_changed();


--
-- Name: ledger_document ledger_document_removed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_document_removed AFTER DELETE ON public.ledger_document FOR EACH ROW EXECUTE FUNCTION public.ledger_document_changed();


--
-- Name: ledger_document ledger_documents_added; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_documents_added AFTER INSERT ON public.ledger_document REFERENCING NEW TABLE AS ledger_added FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_documents_added();


--
-- Name: companies_company reports_kept_company_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reports_kept_company_change AFTER UPDATE OF code ON public.companies_company FOR EACH ROW WHEN (((old.code)::text IS DISTINCT FROM (new.code)::text)) EXECUTE FUNCTION public.reports_kept_company_change();


--
-- Name: customers_customer reports_kept_customer_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER reports_kept_customer_change AFTER UPDATE OF code, name ON public.customers_customer FOR EACH ROW WHEN ((((old.code)::text IS DISTINCT FROM (new.code)::text) OR ((old.name)::text IS DISTINCT FROM (new.name)::text))) EXECUTE FUNCTION public.reports_kept_customer_change();


--
-- Name: accounts_apitoken accounts_apitoken_user_id_bbee13e0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts_apitoken
    ADD CONSTRAINT accounts_apitoken_user_id_bbee13e0_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: accounts_preference accounts_preference_user_id_7a4b98dd_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts_preference
    ADD CONSTRAINT accounts_preference_user_id_7a4b98dd_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: audit_auditevent audit_auditevent_actor_id_270bb4b7_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_auditevent
    ADD CONSTRAINT audit_auditevent_actor_id_270bb4b7_fk_auth_user_id FOREIGN KEY (actor_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_group_permissions auth_group_permissio_permission_id_84c5c92e_fk_auth_perm; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissio_permission_id_84c5c92e_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_group_permissions auth_group_permissions_group_id_b120cbf9_fk_auth_group_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_b120cbf9_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_permission auth_permission_content_type_id_2f476e4b_fk_django_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_2f476e4b_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_groups auth_user_groups_group_id_97559544_fk_auth_group_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_group_id_97559544_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_groups auth_user_groups_user_id_6a12ed8b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_6a12ed8b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_user_permissions auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: auth_user_user_permissions auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: axes_accessattemptexpiration axes_accessattemptex_access_attempt_id_6b73a47a_fk_axes_acce; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.axes_accessattemptexpiration
    ADD CONSTRAINT axes_accessattemptex_access_attempt_id_6b73a47a_fk_axes_acce FOREIGN KEY (access_attempt_id) REFERENCES public.axes_accessattempt(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_application banking_application_company_id_b90a5042_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_application
    ADD CONSTRAINT banking_application_company_id_b90a5042_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_application banking_application_created_by_id_2d1233ed_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_application
    ADD CONSTRAINT banking_application_created_by_id_2d1233ed_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_application banking_application_customer_id_6c71e37b_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_application
    ADD CONSTRAINT banking_application_customer_id_6c71e37b_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_application banking_application_line_id_d22032ea_fk_banking_s; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_application
    ADD CONSTRAINT banking_application_line_id_d22032ea_fk_banking_s FOREIGN KEY (line_id) REFERENCES public.banking_statementline(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_application banking_application_receipt_id_b85727af_fk_ledger_document_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_application
    ADD CONSTRAINT banking_application_receipt_id_b85727af_fk_ledger_document_id FOREIGN KEY (receipt_id) REFERENCES public.ledger_document(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_bankaccount banking_bankaccount_company_id_ac737acd_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_bankaccount
    ADD CONSTRAINT banking_bankaccount_company_id_ac737acd_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_bankstatement banking_bankstatemen_account_id_92586464_fk_banking_b; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_bankstatement
    ADD CONSTRAINT banking_bankstatemen_account_id_92586464_fk_banking_b FOREIGN KEY (account_id) REFERENCES public.banking_bankaccount(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_bankstatement banking_bankstatemen_company_id_bfeb976d_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_bankstatement
    ADD CONSTRAINT banking_bankstatemen_company_id_bfeb976d_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_bankstatement banking_bankstatement_imported_by_id_6fba74a4_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_bankstatement
    ADD CONSTRAINT banking_bankstatement_imported_by_id_6fba74a4_fk_auth_user_id FOREIGN KEY (imported_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_difference banking_difference_application_id_f26e0658_fk_banking_a; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_difference
    ADD CONSTRAINT banking_difference_application_id_f26e0658_fk_banking_a FOREIGN KEY (application_id) REFERENCES public.banking_application(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_difference banking_difference_company_id_f3ba3307_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_difference
    ADD CONSTRAINT banking_difference_company_id_f3ba3307_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_difference banking_difference_credit_note_id_21cbf529_fk_ledger_do; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_difference
    ADD CONSTRAINT banking_difference_credit_note_id_21cbf529_fk_ledger_do FOREIGN KEY (credit_note_id) REFERENCES public.ledger_document(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_difference banking_difference_decided_by_id_f03cab79_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_difference
    ADD CONSTRAINT banking_difference_decided_by_id_f03cab79_fk_auth_user_id FOREIGN KEY (decided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_difference banking_difference_requested_by_id_95cb3263_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_difference
    ADD CONSTRAINT banking_difference_requested_by_id_95cb3263_fk_auth_user_id FOREIGN KEY (requested_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_payeralias banking_payeralias_company_id_d695e814_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_payeralias
    ADD CONSTRAINT banking_payeralias_company_id_d695e814_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_payeralias banking_payeralias_created_by_id_7e1213e1_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_payeralias
    ADD CONSTRAINT banking_payeralias_created_by_id_7e1213e1_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_payeralias banking_payeralias_customer_id_5072c40e_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_payeralias
    ADD CONSTRAINT banking_payeralias_customer_id_5072c40e_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_statementline banking_statementlin_account_id_889bf5c7_fk_banking_b; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_statementline
    ADD CONSTRAINT banking_statementlin_account_id_889bf5c7_fk_banking_b FOREIGN KEY (account_id) REFERENCES public.banking_bankaccount(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_statementline banking_statementlin_company_id_3f71de7d_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_statementline
    ADD CONSTRAINT banking_statementlin_company_id_3f71de7d_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_statementline banking_statementlin_statement_id_cd323feb_fk_banking_b; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_statementline
    ADD CONSTRAINT banking_statementlin_statement_id_cd323feb_fk_banking_b FOREIGN KEY (statement_id) REFERENCES public.banking_bankstatement(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: banking_statementline banking_statementline_matched_by_id_cd087638_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.banking_statementline
    ADD CONSTRAINT banking_statementline_matched_by_id_cd087638_fk_auth_user_id FOREIGN KEY (matched_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budgets_budgetline budgets_budgetline_version_id_995b36a5_fk_budgets_b; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_budgetline
    ADD CONSTRAINT budgets_budgetline_version_id_995b36a5_fk_budgets_b FOREIGN KEY (version_id) REFERENCES public.budgets_budgetversion(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budgets_budgetversion budgets_budgetversio_company_id_36013fd2_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_budgetversion
    ADD CONSTRAINT budgets_budgetversio_company_id_36013fd2_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budgets_budgetversion budgets_budgetversio_revision_of_id_c8cf5e1f_fk_budgets_b; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_budgetversion
    ADD CONSTRAINT budgets_budgetversio_revision_of_id_c8cf5e1f_fk_budgets_b FOREIGN KEY (revision_of_id) REFERENCES public.budgets_budgetversion(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budgets_budgetversion budgets_budgetversion_approved_by_id_52000057_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_budgetversion
    ADD CONSTRAINT budgets_budgetversion_approved_by_id_52000057_fk_auth_user_id FOREIGN KEY (approved_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budgets_budgetversion budgets_budgetversion_created_by_id_ef6c0f21_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_budgetversion
    ADD CONSTRAINT budgets_budgetversion_created_by_id_ef6c0f21_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budgets_profitabilitysettings budgets_profitabilit_company_id_d1e52fe5_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_profitabilitysettings
    ADD CONSTRAINT budgets_profitabilit_company_id_d1e52fe5_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budgets_segment budgets_segment_company_id_c0692795_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_segment
    ADD CONSTRAINT budgets_segment_company_id_c0692795_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: budgets_segment budgets_segment_dunning_policy_id_2dd068f7_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.budgets_segment
    ADD CONSTRAINT budgets_segment_dunning_policy_id_2dd068f7_fk_collectio FOREIGN KEY (dunning_policy_id) REFERENCES public.collections_dunningpolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_journalentry closing_journalentry_company_id_ed1976e9_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalentry
    ADD CONSTRAINT closing_journalentry_company_id_ed1976e9_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_journalentry closing_journalentry_created_by_id_17c72c94_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalentry
    ADD CONSTRAINT closing_journalentry_created_by_id_17c72c94_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_journalentry closing_journalentry_run_id_882c4013_fk_closing_r; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalentry
    ADD CONSTRAINT closing_journalentry_run_id_882c4013_fk_closing_r FOREIGN KEY (run_id) REFERENCES public.closing_revaluationrun(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_journalexport closing_journalexpor_company_id_df78c8db_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalexport
    ADD CONSTRAINT closing_journalexpor_company_id_df78c8db_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_journalexport closing_journalexport_exported_by_id_80751678_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalexport
    ADD CONSTRAINT closing_journalexport_exported_by_id_80751678_fk_auth_user_id FOREIGN KEY (exported_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_journalline closing_journalline_customer_id_20869429_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalline
    ADD CONSTRAINT closing_journalline_customer_id_20869429_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_journalline closing_journalline_entry_id_2b04bf69_fk_closing_j; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_journalline
    ADD CONSTRAINT closing_journalline_entry_id_2b04bf69_fk_closing_j FOREIGN KEY (entry_id) REFERENCES public.closing_journalentry(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_periodevent closing_periodevent_by_id_c54b44f7_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_periodevent
    ADD CONSTRAINT closing_periodevent_by_id_c54b44f7_fk_auth_user_id FOREIGN KEY (by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_periodevent closing_periodevent_company_id_9abbe934_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_periodevent
    ADD CONSTRAINT closing_periodevent_company_id_9abbe934_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_periodevent closing_periodevent_request_id_b9c54b9e_fk_closing_r; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_periodevent
    ADD CONSTRAINT closing_periodevent_request_id_b9c54b9e_fk_closing_r FOREIGN KEY (request_id) REFERENCES public.closing_reopenrequest(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_reopenrequest closing_reopenreques_company_id_9b047588_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_reopenrequest
    ADD CONSTRAINT closing_reopenreques_company_id_9b047588_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_reopenrequest closing_reopenrequest_decided_by_id_383f9cc8_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_reopenrequest
    ADD CONSTRAINT closing_reopenrequest_decided_by_id_383f9cc8_fk_auth_user_id FOREIGN KEY (decided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_reopenrequest closing_reopenrequest_requested_by_id_09607302_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_reopenrequest
    ADD CONSTRAINT closing_reopenrequest_requested_by_id_09607302_fk_auth_user_id FOREIGN KEY (requested_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_revaluationline closing_revaluationl_customer_id_0d41449f_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_revaluationline
    ADD CONSTRAINT closing_revaluationl_customer_id_0d41449f_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_revaluationline closing_revaluationl_run_id_8790d972_fk_closing_r; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_revaluationline
    ADD CONSTRAINT closing_revaluationl_run_id_8790d972_fk_closing_r FOREIGN KEY (run_id) REFERENCES public.closing_revaluationrun(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_revaluationrun closing_revaluationr_company_id_2a05f218_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_revaluationrun
    ADD CONSTRAINT closing_revaluationr_company_id_2a05f218_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_revaluationrun closing_revaluationrun_created_by_id_1ac2191e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_revaluationrun
    ADD CONSTRAINT closing_revaluationrun_created_by_id_1ac2191e_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: closing_revaluationrun closing_revaluationrun_posted_by_id_b2c5c948_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.closing_revaluationrun
    ADD CONSTRAINT closing_revaluationrun_posted_by_id_b2c5c948_fk_auth_user_id FOREIGN KEY (posted_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_collectionprofile collections_collecti_customer_id_64bd33e5_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_collectionprofile
    ADD CONSTRAINT collections_collecti_customer_id_64bd33e5_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_collectionprofile collections_collecti_policy_id_bd19c35c_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_collectionprofile
    ADD CONSTRAINT collections_collecti_policy_id_bd19c35c_fk_collectio FOREIGN KEY (policy_id) REFERENCES public.collections_dunningpolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_contactlog collections_contactl_company_id_c5da1605_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_contactlog
    ADD CONSTRAINT collections_contactl_company_id_c5da1605_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_contactlog collections_contactl_contact_id_85e43f6e_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_contactlog
    ADD CONSTRAINT collections_contactl_contact_id_85e43f6e_fk_customers FOREIGN KEY (contact_id) REFERENCES public.customers_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_contactlog collections_contactl_customer_id_819801fc_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_contactlog
    ADD CONSTRAINT collections_contactl_customer_id_819801fc_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_contactlog collections_contactlog_logged_by_id_2809d334_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_contactlog
    ADD CONSTRAINT collections_contactlog_logged_by_id_2809d334_fk_auth_user_id FOREIGN KEY (logged_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_dispute collections_dispute_company_id_a2db18fd_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dispute
    ADD CONSTRAINT collections_dispute_company_id_a2db18fd_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_dispute collections_dispute_created_by_id_0397e499_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dispute
    ADD CONSTRAINT collections_dispute_created_by_id_0397e499_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_dispute collections_dispute_credit_note_id_52971219_fk_ledger_do; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dispute
    ADD CONSTRAINT collections_dispute_credit_note_id_52971219_fk_ledger_do FOREIGN KEY (credit_note_id) REFERENCES public.ledger_document(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_dispute collections_dispute_customer_id_95addb3c_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dispute
    ADD CONSTRAINT collections_dispute_customer_id_95addb3c_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_dispute collections_dispute_owner_id_37deb4d4_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dispute
    ADD CONSTRAINT collections_dispute_owner_id_37deb4d4_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_disputeattachment collections_disputea_dispute_id_65c681a0_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputeattachment
    ADD CONSTRAINT collections_disputea_dispute_id_65c681a0_fk_collectio FOREIGN KEY (dispute_id) REFERENCES public.collections_dispute(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_disputeattachment collections_disputea_uploaded_by_id_0bb8a8d1_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputeattachment
    ADD CONSTRAINT collections_disputea_uploaded_by_id_0bb8a8d1_fk_auth_user FOREIGN KEY (uploaded_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_disputeitem collections_disputei_dispute_id_e2139d93_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputeitem
    ADD CONSTRAINT collections_disputei_dispute_id_e2139d93_fk_collectio FOREIGN KEY (dispute_id) REFERENCES public.collections_dispute(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_disputeitem collections_disputeitem_line_id_e1eea8b8_fk_ledger_dueline_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputeitem
    ADD CONSTRAINT collections_disputeitem_line_id_e1eea8b8_fk_ledger_dueline_id FOREIGN KEY (line_id) REFERENCES public.ledger_dueline(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_disputenote collections_disputen_dispute_id_b67536f4_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputenote
    ADD CONSTRAINT collections_disputen_dispute_id_b67536f4_fk_collectio FOREIGN KEY (dispute_id) REFERENCES public.collections_dispute(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_disputenote collections_disputenote_written_by_id_1e836bb7_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_disputenote
    ADD CONSTRAINT collections_disputenote_written_by_id_1e836bb7_fk_auth_user_id FOREIGN KEY (written_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_dunninglevel collections_dunningl_policy_id_d04d8c26_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunninglevel
    ADD CONSTRAINT collections_dunningl_policy_id_d04d8c26_fk_collectio FOREIGN KEY (policy_id) REFERENCES public.collections_dunningpolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_dunningpolicy collections_dunningp_company_id_1c25b2d9_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunningpolicy
    ADD CONSTRAINT collections_dunningp_company_id_1c25b2d9_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_dunningrun collections_dunningr_company_id_dd5faa45_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunningrun
    ADD CONSTRAINT collections_dunningr_company_id_dd5faa45_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_dunningrun collections_dunningrun_created_by_id_f4417bed_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_dunningrun
    ADD CONSTRAINT collections_dunningrun_created_by_id_f4417bed_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_legalcase collections_legalcas_company_id_9c151624_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_legalcase
    ADD CONSTRAINT collections_legalcas_company_id_9c151624_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_legalcase collections_legalcas_customer_id_23afdabc_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_legalcase
    ADD CONSTRAINT collections_legalcas_customer_id_23afdabc_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_legalcase collections_legalcase_opened_by_id_ee50cef1_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_legalcase
    ADD CONSTRAINT collections_legalcase_opened_by_id_ee50cef1_fk_auth_user_id FOREIGN KEY (opened_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_policygrade collections_policygr_policy_id_c3d3a907_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_policygrade
    ADD CONSTRAINT collections_policygr_policy_id_c3d3a907_fk_collectio FOREIGN KEY (policy_id) REFERENCES public.collections_dunningpolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_promiseitem collections_promisei_promise_id_62462d47_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_promiseitem
    ADD CONSTRAINT collections_promisei_promise_id_62462d47_fk_collectio FOREIGN KEY (promise_id) REFERENCES public.collections_promisetopay(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_promiseitem collections_promiseitem_line_id_7e16028b_fk_ledger_dueline_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_promiseitem
    ADD CONSTRAINT collections_promiseitem_line_id_7e16028b_fk_ledger_dueline_id FOREIGN KEY (line_id) REFERENCES public.ledger_dueline(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_promisetopay collections_promiset_company_id_de758291_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_promisetopay
    ADD CONSTRAINT collections_promiset_company_id_de758291_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_promisetopay collections_promiset_contact_log_id_00fb7c92_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_promisetopay
    ADD CONSTRAINT collections_promiset_contact_log_id_00fb7c92_fk_collectio FOREIGN KEY (contact_log_id) REFERENCES public.collections_contactlog(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_promisetopay collections_promiset_customer_id_58056131_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_promisetopay
    ADD CONSTRAINT collections_promiset_customer_id_58056131_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: collections_promisetopay collections_promisetopay_created_by_id_18d4db6b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.collections_promisetopay
    ADD CONSTRAINT collections_promisetopay_created_by_id_18d4db6b_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: companies_companygrant companies_companygra_company_id_c507e8bb_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies_companygrant
    ADD CONSTRAINT companies_companygra_company_id_c507e8bb_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: companies_companygrant companies_companygrant_user_id_d2b0c2dc_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies_companygrant
    ADD CONSTRAINT companies_companygrant_user_id_d2b0c2dc_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_approvallevel credit_approvallevel_group_id_e31c5ed4_fk_auth_group_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_approvallevel
    ADD CONSTRAINT credit_approvallevel_group_id_e31c5ed4_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditaccount credit_creditaccount_company_id_6099460f_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditaccount
    ADD CONSTRAINT credit_creditaccount_company_id_6099460f_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditaccount credit_creditaccount_customer_id_9b9f4887_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditaccount
    ADD CONSTRAINT credit_creditaccount_customer_id_9b9f4887_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditaccount credit_creditaccount_group_id_5f11c546_fk_credit_creditgroup_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditaccount
    ADD CONSTRAINT credit_creditaccount_group_id_5f11c546_fk_credit_creditgroup_id FOREIGN KEY (group_id) REFERENCES public.credit_creditgroup(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditaccount credit_creditaccount_last_score_id_421c23b5_fk_credit_cr; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditaccount
    ADD CONSTRAINT credit_creditaccount_last_score_id_421c23b5_fk_credit_cr FOREIGN KEY (last_score_id) REFERENCES public.credit_creditscore(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditgroup credit_creditgroup_company_id_737fa229_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditgroup
    ADD CONSTRAINT credit_creditgroup_company_id_737fa229_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditlimitbatch credit_creditlimitba_company_id_9297d82c_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitbatch
    ADD CONSTRAINT credit_creditlimitba_company_id_9297d82c_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditlimitbatch credit_creditlimitba_import_batch_id_37e6fda2_fk_ledger_im; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitbatch
    ADD CONSTRAINT credit_creditlimitba_import_batch_id_37e6fda2_fk_ledger_im FOREIGN KEY (import_batch_id) REFERENCES public.ledger_importbatch(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditlimitbatch credit_creditlimitbatch_decided_by_id_b4015cdd_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitbatch
    ADD CONSTRAINT credit_creditlimitbatch_decided_by_id_b4015cdd_fk_auth_user_id FOREIGN KEY (decided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditlimitbatch credit_creditlimitbatch_prepared_by_id_be6cc243_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitbatch
    ADD CONSTRAINT credit_creditlimitbatch_prepared_by_id_be6cc243_fk_auth_user_id FOREIGN KEY (prepared_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditlimitline credit_creditlimitli_batch_id_d5743110_fk_credit_cr; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitline
    ADD CONSTRAINT credit_creditlimitli_batch_id_d5743110_fk_credit_cr FOREIGN KEY (batch_id) REFERENCES public.credit_creditlimitbatch(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditlimitline credit_creditlimitli_customer_id_4efaf8ab_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditlimitline
    ADD CONSTRAINT credit_creditlimitli_customer_id_4efaf8ab_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditrequest credit_creditrequest_company_id_6076b079_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditrequest
    ADD CONSTRAINT credit_creditrequest_company_id_6076b079_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditrequest credit_creditrequest_customer_id_5c6b9381_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditrequest
    ADD CONSTRAINT credit_creditrequest_customer_id_5c6b9381_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditrequest credit_creditrequest_decided_by_id_50f63c06_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditrequest
    ADD CONSTRAINT credit_creditrequest_decided_by_id_50f63c06_fk_auth_user_id FOREIGN KEY (decided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditrequest credit_creditrequest_requested_by_id_7c0638b5_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditrequest
    ADD CONSTRAINT credit_creditrequest_requested_by_id_7c0638b5_fk_auth_user_id FOREIGN KEY (requested_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditrequest credit_creditrequest_used_by_order_id_d0a833d6_fk_credit_op; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditrequest
    ADD CONSTRAINT credit_creditrequest_used_by_order_id_d0a833d6_fk_credit_op FOREIGN KEY (used_by_order_id) REFERENCES public.credit_openorder(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditreview credit_creditreview_company_id_fb7dec96_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditreview
    ADD CONSTRAINT credit_creditreview_company_id_fb7dec96_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditreview credit_creditreview_completed_by_id_1540e973_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditreview
    ADD CONSTRAINT credit_creditreview_completed_by_id_1540e973_fk_auth_user_id FOREIGN KEY (completed_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditreview credit_creditreview_customer_id_7240312a_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditreview
    ADD CONSTRAINT credit_creditreview_customer_id_7240312a_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditreview credit_creditreview_score_id_676de4fb_fk_credit_creditscore_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditreview
    ADD CONSTRAINT credit_creditreview_score_id_676de4fb_fk_credit_creditscore_id FOREIGN KEY (score_id) REFERENCES public.credit_creditscore(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditrules credit_creditrules_company_id_9f28c84a_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditrules
    ADD CONSTRAINT credit_creditrules_company_id_9f28c84a_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditscore credit_creditscore_customer_id_88f51ced_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditscore
    ADD CONSTRAINT credit_creditscore_customer_id_88f51ced_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditscore credit_creditscore_scorecard_id_48b68458_fk_credit_scorecard_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditscore
    ADD CONSTRAINT credit_creditscore_scorecard_id_48b68458_fk_credit_scorecard_id FOREIGN KEY (scorecard_id) REFERENCES public.credit_scorecard(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_creditscore credit_creditscore_scored_by_id_327e53ba_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_creditscore
    ADD CONSTRAINT credit_creditscore_scored_by_id_327e53ba_fk_auth_user_id FOREIGN KEY (scored_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_financialstatement credit_financialstat_created_by_id_94f50427_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_financialstatement
    ADD CONSTRAINT credit_financialstat_created_by_id_94f50427_fk_auth_user FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_financialstatement credit_financialstat_customer_id_97c6de7c_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_financialstatement
    ADD CONSTRAINT credit_financialstat_customer_id_97c6de7c_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_openorder credit_openorder_checked_by_id_6d1c6780_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_openorder
    ADD CONSTRAINT credit_openorder_checked_by_id_6d1c6780_fk_auth_user_id FOREIGN KEY (checked_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_openorder credit_openorder_company_id_6f047c25_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_openorder
    ADD CONSTRAINT credit_openorder_company_id_6f047c25_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_openorder credit_openorder_customer_id_3e9ea387_fk_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_openorder
    ADD CONSTRAINT credit_openorder_customer_id_3e9ea387_fk_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_openorder credit_openorder_decided_by_id_88c3fd64_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_openorder
    ADD CONSTRAINT credit_openorder_decided_by_id_88c3fd64_fk_auth_user_id FOREIGN KEY (decided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: credit_scorecard credit_scorecard_created_by_id_a5c5a2fd_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_scorecard
    ADD CONSTRAINT credit_scorecard_created_by_id_a5c5a2fd_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: customers_contact customers_contact_customer_id_b9afc0da_fk_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_contact
    ADD CONSTRAINT customers_contact_customer_id_b9afc0da_fk_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: customers_customer customers_customer_analyst_id_58261752_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customer
    ADD CONSTRAINT customers_customer_analyst_id_58261752_fk_auth_user_id FOREIGN KEY (analyst_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: customers_customer customers_customer_collector_id_8970afe4_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customer
    ADD CONSTRAINT customers_customer_collector_id_8970afe4_fk_auth_user_id FOREIGN KEY (collector_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: customers_customer customers_customer_company_id_d9d820a0_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customer
    ADD CONSTRAINT customers_customer_company_id_d9d820a0_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: customers_customer customers_customer_parent_id_7e55028b_fk_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customer
    ADD CONSTRAINT customers_customer_parent_id_7e55028b_fk_customers_customer_id FOREIGN KEY (parent_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: customers_customerattachment customers_customerat_customer_id_05a3774b_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customerattachment
    ADD CONSTRAINT customers_customerat_customer_id_05a3774b_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: customers_customerattachment customers_customerat_uploaded_by_id_3ef759f7_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customerattachment
    ADD CONSTRAINT customers_customerat_uploaded_by_id_3ef759f7_fk_auth_user FOREIGN KEY (uploaded_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: customers_customerstatuschange customers_customerst_changed_by_id_886abc1f_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customerstatuschange
    ADD CONSTRAINT customers_customerst_changed_by_id_886abc1f_fk_auth_user FOREIGN KEY (changed_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: customers_customerstatuschange customers_customerst_customer_id_749b6c0a_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers_customerstatuschange
    ADD CONSTRAINT customers_customerst_customer_id_749b6c0a_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: django_admin_log django_admin_log_content_type_id_c4bce8eb_fk_django_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_content_type_id_c4bce8eb_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: django_admin_log django_admin_log_user_id_c564eba6_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_user_id_c564eba6_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: guide_agingcheck guide_agingcheck_checked_by_id_c82d4f8e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_agingcheck
    ADD CONSTRAINT guide_agingcheck_checked_by_id_c82d4f8e_fk_auth_user_id FOREIGN KEY (checked_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: guide_agingcheck guide_agingcheck_company_id_d1345fa2_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_agingcheck
    ADD CONSTRAINT guide_agingcheck_company_id_d1345fa2_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: guide_onboardingconfirmation guide_onboardingconf_confirmed_by_id_9908697c_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_onboardingconfirmation
    ADD CONSTRAINT guide_onboardingconf_confirmed_by_id_9908697c_fk_auth_user FOREIGN KEY (confirmed_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: guide_onboardingdismissal guide_onboardingdismissal_user_id_e90c97c1_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_onboardingdismissal
    ADD CONSTRAINT guide_onboardingdismissal_user_id_e90c97c1_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: guide_tourprogress guide_tourprogress_user_id_21b8d9c8_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_tourprogress
    ADD CONSTRAINT guide_tourprogress_user_id_21b8d9c8_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: guide_trainingcopy guide_trainingcopy_requested_by_id_917f7de8_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_trainingcopy
    ADD CONSTRAINT guide_trainingcopy_requested_by_id_917f7de8_fk_auth_user_id FOREIGN KEY (requested_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: insights_modelversion insights_modelversio_company_id_d7f17c00_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.insights_modelversion
    ADD CONSTRAINT insights_modelversio_company_id_d7f17c00_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: insights_modelversion insights_modelversion_trained_by_id_50ca0a31_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.insights_modelversion
    ADD CONSTRAINT insights_modelversion_trained_by_id_50ca0a31_fk_auth_user_id FOREIGN KEY (trained_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: insights_prediction insights_prediction_model_version_id_6900c175_fk_insights_; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.insights_prediction
    ADD CONSTRAINT insights_prediction_model_version_id_6900c175_fk_insights_ FOREIGN KEY (model_version_id) REFERENCES public.insights_modelversion(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_closedperiod ledger_closedperiod_closed_by_id_484f46ba_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_closedperiod
    ADD CONSTRAINT ledger_closedperiod_closed_by_id_484f46ba_fk_auth_user_id FOREIGN KEY (closed_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_closedperiod ledger_closedperiod_company_id_1763cc49_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_closedperiod
    ADD CONSTRAINT ledger_closedperiod_company_id_1763cc49_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_customerterms ledger_customerterms_customer_id_cc84b05e_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_customerterms
    ADD CONSTRAINT ledger_customerterms_customer_id_cc84b05e_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_customerterms ledger_customerterms_payment_term_id_a9b4e151_fk_ledger_pa; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_customerterms
    ADD CONSTRAINT ledger_customerterms_payment_term_id_a9b4e151_fk_ledger_pa FOREIGN KEY (payment_term_id) REFERENCES public.ledger_paymentterm(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_document ledger_document_customer_id_e0007e53_fk_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_document
    ADD CONSTRAINT ledger_document_customer_id_e0007e53_fk_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_document ledger_document_payment_term_id_ee98aaec_fk_ledger_pa; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_document
    ADD CONSTRAINT ledger_document_payment_term_id_ee98aaec_fk_ledger_pa FOREIGN KEY (payment_term_id) REFERENCES public.ledger_paymentterm(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_importbatch ledger_importbatch_company_id_0bce6587_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_importbatch
    ADD CONSTRAINT ledger_importbatch_company_id_0bce6587_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_importbatch ledger_importbatch_created_by_id_8a2cb378_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_importbatch
    ADD CONSTRAINT ledger_importbatch_created_by_id_8a2cb378_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_importjob ledger_importjob_batch_id_2c863dc4_fk_ledger_importbatch_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_importjob
    ADD CONSTRAINT ledger_importjob_batch_id_2c863dc4_fk_ledger_importbatch_id FOREIGN KEY (batch_id) REFERENCES public.ledger_importbatch(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_importjob ledger_importjob_company_id_a8d70e5d_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_importjob
    ADD CONSTRAINT ledger_importjob_company_id_a8d70e5d_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_importjob ledger_importjob_created_by_id_96c40976_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_importjob
    ADD CONSTRAINT ledger_importjob_created_by_id_96c40976_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_paymentterminstalment ledger_paymenttermin_term_id_d0c5cbce_fk_ledger_pa; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_paymentterminstalment
    ADD CONSTRAINT ledger_paymenttermin_term_id_d0c5cbce_fk_ledger_pa FOREIGN KEY (term_id) REFERENCES public.ledger_paymentterm(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_statementrun ledger_statementrun_company_id_b4d9af1c_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_statementrun
    ADD CONSTRAINT ledger_statementrun_company_id_b4d9af1c_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ledger_statementrun ledger_statementrun_created_by_id_73090588_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_statementrun
    ADD CONSTRAINT ledger_statementrun_created_by_id_73090588_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_balanceconfirmation portal_balanceconfir_company_id_87aaaee9_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_balanceconfirmation
    ADD CONSTRAINT portal_balanceconfir_company_id_87aaaee9_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_balanceconfirmation portal_balanceconfir_customer_id_f9964eea_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_balanceconfirmation
    ADD CONSTRAINT portal_balanceconfir_customer_id_f9964eea_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_balanceconfirmation portal_balanceconfir_link_id_3d12df4e_fk_portal_po; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_balanceconfirmation
    ADD CONSTRAINT portal_balanceconfir_link_id_3d12df4e_fk_portal_po FOREIGN KEY (link_id) REFERENCES public.portal_portallink(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_confirmationdifference portal_confirmationd_confirmation_id_77deb20b_fk_portal_ba; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_confirmationdifference
    ADD CONSTRAINT portal_confirmationd_confirmation_id_77deb20b_fk_portal_ba FOREIGN KEY (confirmation_id) REFERENCES public.portal_balanceconfirmation(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_confirmationdifference portal_confirmationd_line_id_932851f1_fk_ledger_du; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_confirmationdifference
    ADD CONSTRAINT portal_confirmationd_line_id_932851f1_fk_ledger_du FOREIGN KEY (line_id) REFERENCES public.ledger_dueline(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_customerstatementsetting portal_customerstate_changed_by_id_c24f92e4_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_customerstatementsetting
    ADD CONSTRAINT portal_customerstate_changed_by_id_c24f92e4_fk_auth_user FOREIGN KEY (changed_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_customerstatementsetting portal_customerstate_customer_id_aa247195_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_customerstatementsetting
    ADD CONSTRAINT portal_customerstate_customer_id_aa247195_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_portalaccess portal_portalaccess_link_id_57f9939f_fk_portal_portallink_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portalaccess
    ADD CONSTRAINT portal_portalaccess_link_id_57f9939f_fk_portal_portallink_id FOREIGN KEY (link_id) REFERENCES public.portal_portallink(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_portalcode portal_portalcode_link_id_1d61de74_fk_portal_portallink_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portalcode
    ADD CONSTRAINT portal_portalcode_link_id_1d61de74_fk_portal_portallink_id FOREIGN KEY (link_id) REFERENCES public.portal_portallink(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_portallink portal_portallink_company_id_95165220_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portallink
    ADD CONSTRAINT portal_portallink_company_id_95165220_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_portallink portal_portallink_contact_id_5a0b54a4_fk_customers_contact_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portallink
    ADD CONSTRAINT portal_portallink_contact_id_5a0b54a4_fk_customers_contact_id FOREIGN KEY (contact_id) REFERENCES public.customers_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_portallink portal_portallink_created_by_id_da287e72_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portallink
    ADD CONSTRAINT portal_portallink_created_by_id_da287e72_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_portallink portal_portallink_customer_id_b802331c_fk_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portallink
    ADD CONSTRAINT portal_portallink_customer_id_b802331c_fk_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_portallink portal_portallink_revoked_by_id_2c126775_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_portallink
    ADD CONSTRAINT portal_portallink_revoked_by_id_2c126775_fk_auth_user_id FOREIGN KEY (revoked_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_statementrecipient portal_statementreci_answer_id_d5b38359_fk_portal_ba; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementrecipient
    ADD CONSTRAINT portal_statementreci_answer_id_d5b38359_fk_portal_ba FOREIGN KEY (answer_id) REFERENCES public.portal_balanceconfirmation(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_statementrecipient portal_statementreci_contact_id_07ec9b4e_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementrecipient
    ADD CONSTRAINT portal_statementreci_contact_id_07ec9b4e_fk_customers FOREIGN KEY (contact_id) REFERENCES public.customers_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_statementrecipient portal_statementreci_customer_id_a1d3b82b_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementrecipient
    ADD CONSTRAINT portal_statementreci_customer_id_a1d3b82b_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_statementrecipient portal_statementreci_link_id_58f346ae_fk_portal_po; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementrecipient
    ADD CONSTRAINT portal_statementreci_link_id_58f346ae_fk_portal_po FOREIGN KEY (link_id) REFERENCES public.portal_portallink(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_statementrecipient portal_statementreci_run_id_942f2ffc_fk_portal_st; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementrecipient
    ADD CONSTRAINT portal_statementreci_run_id_942f2ffc_fk_portal_st FOREIGN KEY (run_id) REFERENCES public.portal_statementrun(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_statementrun portal_statementrun_company_id_a2092295_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementrun
    ADD CONSTRAINT portal_statementrun_company_id_a2092295_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_statementrun portal_statementrun_created_by_id_f55b74f7_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementrun
    ADD CONSTRAINT portal_statementrun_created_by_id_f55b74f7_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_statementschedule portal_statementsche_company_id_053318c4_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementschedule
    ADD CONSTRAINT portal_statementsche_company_id_053318c4_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: portal_statementschedule portal_statementschedule_changed_by_id_82090e40_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.portal_statementschedule
    ADD CONSTRAINT portal_statementschedule_changed_by_id_82090e40_fk_auth_user_id FOREIGN KEY (changed_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_journalentry provisioning_journal_company_id_d2bafbb1_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_journalentry
    ADD CONSTRAINT provisioning_journal_company_id_d2bafbb1_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_journalentry provisioning_journal_created_by_id_35bc19a7_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_journalentry
    ADD CONSTRAINT provisioning_journal_created_by_id_35bc19a7_fk_auth_user FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_journalline provisioning_journal_entry_id_54124b49_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_journalline
    ADD CONSTRAINT provisioning_journal_entry_id_54124b49_fk_provision FOREIGN KEY (entry_id) REFERENCES public.provisioning_journalentry(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_journalentry provisioning_journal_recovery_id_f4b4b46b_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_journalentry
    ADD CONSTRAINT provisioning_journal_recovery_id_f4b4b46b_fk_provision FOREIGN KEY (recovery_id) REFERENCES public.provisioning_recovery(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_journalentry provisioning_journal_run_id_e7557ffb_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_journalentry
    ADD CONSTRAINT provisioning_journal_run_id_e7557ffb_fk_provision FOREIGN KEY (run_id) REFERENCES public.provisioning_provisionrun(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_journalentry provisioning_journal_write_off_id_09fed905_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_journalentry
    ADD CONSTRAINT provisioning_journal_write_off_id_09fed905_fk_provision FOREIGN KEY (write_off_id) REFERENCES public.provisioning_writeoff(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_policyrate provisioning_policyr_policy_id_0356adbd_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_policyrate
    ADD CONSTRAINT provisioning_policyr_policy_id_0356adbd_fk_provision FOREIGN KEY (policy_id) REFERENCES public.provisioning_provisionpolicy(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_provisionrun provisioning_provisi_approved_by_id_36622b0c_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionrun
    ADD CONSTRAINT provisioning_provisi_approved_by_id_36622b0c_fk_auth_user FOREIGN KEY (approved_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_provisionpolicy provisioning_provisi_bucket_set_id_587e324c_fk_reports_b; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionpolicy
    ADD CONSTRAINT provisioning_provisi_bucket_set_id_587e324c_fk_reports_b FOREIGN KEY (bucket_set_id) REFERENCES public.reports_bucketset(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_provisionpolicy provisioning_provisi_company_id_36b933b7_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionpolicy
    ADD CONSTRAINT provisioning_provisi_company_id_36b933b7_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_provisionrun provisioning_provisi_company_id_bda03e9c_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionrun
    ADD CONSTRAINT provisioning_provisi_company_id_bda03e9c_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_provisionrun provisioning_provisi_prepared_by_id_c986d342_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionrun
    ADD CONSTRAINT provisioning_provisi_prepared_by_id_c986d342_fk_auth_user FOREIGN KEY (prepared_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_provisionrun provisioning_provisi_superseded_by_id_a1573e3c_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionrun
    ADD CONSTRAINT provisioning_provisi_superseded_by_id_a1573e3c_fk_provision FOREIGN KEY (superseded_by_id) REFERENCES public.provisioning_provisionrun(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_provisionpolicy provisioning_provisi_updated_by_id_b356602d_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_provisionpolicy
    ADD CONSTRAINT provisioning_provisi_updated_by_id_b356602d_fk_auth_user FOREIGN KEY (updated_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_recovery provisioning_recover_company_id_8359df2a_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_recovery
    ADD CONSTRAINT provisioning_recover_company_id_8359df2a_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_recovery provisioning_recover_reinstatement_id_f661153a_fk_ledger_do; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_recovery
    ADD CONSTRAINT provisioning_recover_reinstatement_id_f661153a_fk_ledger_do FOREIGN KEY (reinstatement_id) REFERENCES public.ledger_document(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_recovery provisioning_recover_write_off_id_3c8a9b62_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_recovery
    ADD CONSTRAINT provisioning_recover_write_off_id_3c8a9b62_fk_provision FOREIGN KEY (write_off_id) REFERENCES public.provisioning_writeoff(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_recovery provisioning_recovery_receipt_id_cea433c8_fk_ledger_document_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_recovery
    ADD CONSTRAINT provisioning_recovery_receipt_id_cea433c8_fk_ledger_document_id FOREIGN KEY (receipt_id) REFERENCES public.ledger_document(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_recovery provisioning_recovery_recorded_by_id_31440a67_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_recovery
    ADD CONSTRAINT provisioning_recovery_recorded_by_id_31440a67_fk_auth_user_id FOREIGN KEY (recorded_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_runbucket provisioning_runbuck_run_id_92945662_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_runbucket
    ADD CONSTRAINT provisioning_runbuck_run_id_92945662_fk_provision FOREIGN KEY (run_id) REFERENCES public.provisioning_provisionrun(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_specificprovision provisioning_specifi_company_id_1848bb42_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_specificprovision
    ADD CONSTRAINT provisioning_specifi_company_id_1848bb42_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_specificprovision provisioning_specifi_created_by_id_f0d790b0_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_specificprovision
    ADD CONSTRAINT provisioning_specifi_created_by_id_f0d790b0_fk_auth_user FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_specificprovision provisioning_specifi_customer_id_62636e82_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_specificprovision
    ADD CONSTRAINT provisioning_specifi_customer_id_62636e82_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_specificprovision provisioning_specifi_document_id_19f6efba_fk_ledger_do; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_specificprovision
    ADD CONSTRAINT provisioning_specifi_document_id_19f6efba_fk_ledger_do FOREIGN KEY (document_id) REFERENCES public.ledger_document(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_writeoffapproval provisioning_writeof_approved_by_id_f2952bdc_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoffapproval
    ADD CONSTRAINT provisioning_writeof_approved_by_id_f2952bdc_fk_auth_user FOREIGN KEY (approved_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_writeoff provisioning_writeof_company_id_58bbd2e6_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoff
    ADD CONSTRAINT provisioning_writeof_company_id_58bbd2e6_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_writeoff provisioning_writeof_customer_id_5ab913f2_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoff
    ADD CONSTRAINT provisioning_writeof_customer_id_5ab913f2_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_writeoff provisioning_writeof_document_id_fd7180be_fk_ledger_do; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoff
    ADD CONSTRAINT provisioning_writeof_document_id_fd7180be_fk_ledger_do FOREIGN KEY (document_id) REFERENCES public.ledger_document(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_writeoffitem provisioning_writeof_write_off_id_816dac90_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoffitem
    ADD CONSTRAINT provisioning_writeof_write_off_id_816dac90_fk_provision FOREIGN KEY (write_off_id) REFERENCES public.provisioning_writeoff(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_writeoffapproval provisioning_writeof_write_off_id_be1d1326_fk_provision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoffapproval
    ADD CONSTRAINT provisioning_writeof_write_off_id_be1d1326_fk_provision FOREIGN KEY (write_off_id) REFERENCES public.provisioning_writeoff(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_writeoff provisioning_writeoff_rejected_by_id_47bdb88e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoff
    ADD CONSTRAINT provisioning_writeoff_rejected_by_id_47bdb88e_fk_auth_user_id FOREIGN KEY (rejected_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_writeoff provisioning_writeoff_requested_by_id_cd405963_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoff
    ADD CONSTRAINT provisioning_writeoff_requested_by_id_cd405963_fk_auth_user_id FOREIGN KEY (requested_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisioning_writeoffitem provisioning_writeoffitem_line_id_83298e3c_fk_ledger_dueline_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provisioning_writeoffitem
    ADD CONSTRAINT provisioning_writeoffitem_line_id_83298e3c_fk_ledger_dueline_id FOREIGN KEY (line_id) REFERENCES public.ledger_dueline(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint_lines relations_complaint__complaint_id_2e759b9d_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint_lines
    ADD CONSTRAINT relations_complaint__complaint_id_2e759b9d_fk_relations FOREIGN KEY (complaint_id) REFERENCES public.relations_complaint(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint_disputes relations_complaint__complaint_id_351e10c4_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint_disputes
    ADD CONSTRAINT relations_complaint__complaint_id_351e10c4_fk_relations FOREIGN KEY (complaint_id) REFERENCES public.relations_complaint(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint_disputes relations_complaint__dispute_id_b62c0a77_fk_collectio; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint_disputes
    ADD CONSTRAINT relations_complaint__dispute_id_b62c0a77_fk_collectio FOREIGN KEY (dispute_id) REFERENCES public.collections_dispute(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint_lines relations_complaint__dueline_id_d3ecec5f_fk_ledger_du; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint_lines
    ADD CONSTRAINT relations_complaint__dueline_id_d3ecec5f_fk_ledger_du FOREIGN KEY (dueline_id) REFERENCES public.ledger_dueline(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint relations_complaint_company_id_8c666dc7_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint
    ADD CONSTRAINT relations_complaint_company_id_8c666dc7_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint relations_complaint_contact_id_82be4864_fk_customers_contact_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint
    ADD CONSTRAINT relations_complaint_contact_id_82be4864_fk_customers_contact_id FOREIGN KEY (contact_id) REFERENCES public.customers_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint relations_complaint_created_by_id_33f1e411_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint
    ADD CONSTRAINT relations_complaint_created_by_id_33f1e411_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint relations_complaint_customer_id_651442f4_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint
    ADD CONSTRAINT relations_complaint_customer_id_651442f4_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint relations_complaint_escalated_to_id_a72befae_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint
    ADD CONSTRAINT relations_complaint_escalated_to_id_a72befae_fk_auth_user_id FOREIGN KEY (escalated_to_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaint relations_complaint_owner_id_a1141b2b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaint
    ADD CONSTRAINT relations_complaint_owner_id_a1141b2b_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaintevent relations_complainte_complaint_id_2854c144_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaintevent
    ADD CONSTRAINT relations_complainte_complaint_id_2854c144_fk_relations FOREIGN KEY (complaint_id) REFERENCES public.relations_complaint(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_complaintevent relations_complaintevent_by_id_78ca1444_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_complaintevent
    ADD CONSTRAINT relations_complaintevent_by_id_78ca1444_fk_auth_user_id FOREIGN KEY (by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_escalationmail relations_escalation_complaint_id_57229a91_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_escalationmail
    ADD CONSTRAINT relations_escalation_complaint_id_57229a91_fk_relations FOREIGN KEY (complaint_id) REFERENCES public.relations_complaint(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_escalationmail relations_escalationmail_recipient_id_34b3af25_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_escalationmail
    ADD CONSTRAINT relations_escalationmail_recipient_id_34b3af25_fk_auth_user_id FOREIGN KEY (recipient_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_interaction relations_interactio_company_id_9dbe2ada_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_interaction
    ADD CONSTRAINT relations_interactio_company_id_9dbe2ada_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_interaction relations_interactio_complaint_id_c94ff439_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_interaction
    ADD CONSTRAINT relations_interactio_complaint_id_c94ff439_fk_relations FOREIGN KEY (complaint_id) REFERENCES public.relations_complaint(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_interaction relations_interactio_contact_id_55e64bd7_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_interaction
    ADD CONSTRAINT relations_interactio_contact_id_55e64bd7_fk_customers FOREIGN KEY (contact_id) REFERENCES public.customers_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_interaction relations_interactio_customer_id_a15260c6_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_interaction
    ADD CONSTRAINT relations_interactio_customer_id_a15260c6_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_interactionattachment relations_interactio_interaction_id_0ca67b15_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_interactionattachment
    ADD CONSTRAINT relations_interactio_interaction_id_0ca67b15_fk_relations FOREIGN KEY (interaction_id) REFERENCES public.relations_interaction(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_interactionattachment relations_interactio_uploaded_by_id_fc782e7c_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_interactionattachment
    ADD CONSTRAINT relations_interactio_uploaded_by_id_fc782e7c_fk_auth_user FOREIGN KEY (uploaded_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_interaction relations_interaction_logged_by_id_2dda1345_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_interaction
    ADD CONSTRAINT relations_interaction_logged_by_id_2dda1345_fk_auth_user_id FOREIGN KEY (logged_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_relationprofile relations_relationpr_customer_id_0e037601_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_relationprofile
    ADD CONSTRAINT relations_relationpr_customer_id_0e037601_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_relationprofile relations_relationprofile_owner_id_36152f12_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_relationprofile
    ADD CONSTRAINT relations_relationprofile_owner_id_36152f12_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_revisit relations_revisit_company_id_9d8e4649_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_revisit
    ADD CONSTRAINT relations_revisit_company_id_9d8e4649_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_revisit relations_revisit_customer_id_dfe84d02_fk_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_revisit
    ADD CONSTRAINT relations_revisit_customer_id_dfe84d02_fk_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_revisit relations_revisit_interaction_id_2233df14_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_revisit
    ADD CONSTRAINT relations_revisit_interaction_id_2233df14_fk_relations FOREIGN KEY (interaction_id) REFERENCES public.relations_interaction(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_revisit relations_revisit_owner_id_efaaf858_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_revisit
    ADD CONSTRAINT relations_revisit_owner_id_efaaf858_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_survey relations_survey_company_id_faf46080_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_survey
    ADD CONSTRAINT relations_survey_company_id_faf46080_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_survey relations_survey_sent_by_id_5cf661e8_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_survey
    ADD CONSTRAINT relations_survey_sent_by_id_5cf661e8_fk_auth_user_id FOREIGN KEY (sent_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_survey relations_survey_template_id_c69cbba2_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_survey
    ADD CONSTRAINT relations_survey_template_id_c69cbba2_fk_relations FOREIGN KEY (template_id) REFERENCES public.relations_surveytemplate(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_surveyanswer relations_surveyansw_company_id_6f30b353_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyanswer
    ADD CONSTRAINT relations_surveyansw_company_id_6f30b353_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_surveyanswer relations_surveyansw_customer_id_7fd2d2a8_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyanswer
    ADD CONSTRAINT relations_surveyansw_customer_id_7fd2d2a8_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_surveyanswer relations_surveyansw_invitation_id_33ddef40_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyanswer
    ADD CONSTRAINT relations_surveyansw_invitation_id_33ddef40_fk_relations FOREIGN KEY (invitation_id) REFERENCES public.relations_surveyinvitation(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_surveyanswer relations_surveyansw_survey_id_4e4b6717_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyanswer
    ADD CONSTRAINT relations_surveyansw_survey_id_4e4b6717_fk_relations FOREIGN KEY (survey_id) REFERENCES public.relations_survey(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_surveyinvitation relations_surveyinvi_company_id_9f252f6d_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyinvitation
    ADD CONSTRAINT relations_surveyinvi_company_id_9f252f6d_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_surveyinvitation relations_surveyinvi_contact_id_b447d6ab_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyinvitation
    ADD CONSTRAINT relations_surveyinvi_contact_id_b447d6ab_fk_customers FOREIGN KEY (contact_id) REFERENCES public.customers_contact(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_surveyinvitation relations_surveyinvi_customer_id_c4770b77_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyinvitation
    ADD CONSTRAINT relations_surveyinvi_customer_id_c4770b77_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: relations_surveyinvitation relations_surveyinvi_survey_id_8b0e46c3_fk_relations; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relations_surveyinvitation
    ADD CONSTRAINT relations_surveyinvi_survey_id_8b0e46c3_fk_relations FOREIGN KEY (survey_id) REFERENCES public.relations_survey(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: reports_agingsnapshot reports_agingsnapsho_bucket_set_id_3e5d91a2_fk_reports_b; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_agingsnapshot
    ADD CONSTRAINT reports_agingsnapsho_bucket_set_id_3e5d91a2_fk_reports_b FOREIGN KEY (bucket_set_id) REFERENCES public.reports_bucketset(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: reports_agingsnapshotrow reports_agingsnapsho_company_id_bbb6b01b_fk_companies; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_agingsnapshotrow
    ADD CONSTRAINT reports_agingsnapsho_company_id_bbb6b01b_fk_companies FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: reports_agingsnapshotrow reports_agingsnapsho_customer_id_9541a271_fk_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_agingsnapshotrow
    ADD CONSTRAINT reports_agingsnapsho_customer_id_9541a271_fk_customers FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: reports_agingsnapshotrow reports_agingsnapsho_snapshot_id_05efbd2a_fk_reports_a; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_agingsnapshotrow
    ADD CONSTRAINT reports_agingsnapsho_snapshot_id_05efbd2a_fk_reports_a FOREIGN KEY (snapshot_id) REFERENCES public.reports_agingsnapshot(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: reports_agingsnapshot reports_agingsnapshot_created_by_id_142e43e5_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_agingsnapshot
    ADD CONSTRAINT reports_agingsnapshot_created_by_id_142e43e5_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: reports_bucket reports_bucket_bucket_set_id_fb1fc110_fk_reports_bucketset_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_bucket
    ADD CONSTRAINT reports_bucket_bucket_set_id_fb1fc110_fk_reports_bucketset_id FOREIGN KEY (bucket_set_id) REFERENCES public.reports_bucketset(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: reports_keptaging reports_keptaging_bucket_set_id_41658a89_fk_reports_b; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_keptaging
    ADD CONSTRAINT reports_keptaging_bucket_set_id_41658a89_fk_reports_b FOREIGN KEY (bucket_set_id) REFERENCES public.reports_bucketset(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: reports_keptagingrow reports_keptagingrow_kept_id_096ba78e_fk_reports_keptaging_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports_keptagingrow
    ADD CONSTRAINT reports_keptagingrow_kept_id_096ba78e_fk_reports_keptaging_id FOREIGN KEY (kept_id) REFERENCES public.reports_keptaging(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_alert risk_alert_company_id_997b4ff1_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_alert
    ADD CONSTRAINT risk_alert_company_id_997b4ff1_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_alert risk_alert_customer_id_ec5fa2e4_fk_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_alert
    ADD CONSTRAINT risk_alert_customer_id_ec5fa2e4_fk_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_alert risk_alert_user_id_8067448b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_alert
    ADD CONSTRAINT risk_alert_user_id_8067448b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_alertemail risk_alertemail_user_id_096b8a9e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_alertemail
    ADD CONSTRAINT risk_alertemail_user_id_096b8a9e_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_riskconfig risk_riskconfig_company_id_dee251a3_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_riskconfig
    ADD CONSTRAINT risk_riskconfig_company_id_dee251a3_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_riskconfig risk_riskconfig_created_by_id_d21ed0a2_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_riskconfig
    ADD CONSTRAINT risk_riskconfig_created_by_id_d21ed0a2_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_riskscan risk_riskscan_company_id_970bfd2a_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_riskscan
    ADD CONSTRAINT risk_riskscan_company_id_970bfd2a_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_riskscan risk_riskscan_config_id_e4c78766_fk_risk_riskconfig_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_riskscan
    ADD CONSTRAINT risk_riskscan_config_id_e4c78766_fk_risk_riskconfig_id FOREIGN KEY (config_id) REFERENCES public.risk_riskconfig(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_risksignal risk_risksignal_company_id_bfc3b1a9_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_risksignal
    ADD CONSTRAINT risk_risksignal_company_id_bfc3b1a9_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_risksignal risk_risksignal_customer_id_b3bd4955_fk_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_risksignal
    ADD CONSTRAINT risk_risksignal_customer_id_b3bd4955_fk_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_watchaction risk_watchaction_created_by_id_b1e6707c_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchaction
    ADD CONSTRAINT risk_watchaction_created_by_id_b1e6707c_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_watchaction risk_watchaction_done_by_id_a6ebb47a_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchaction
    ADD CONSTRAINT risk_watchaction_done_by_id_a6ebb47a_fk_auth_user_id FOREIGN KEY (done_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_watchaction risk_watchaction_entry_id_477c8208_fk_risk_watchentry_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchaction
    ADD CONSTRAINT risk_watchaction_entry_id_477c8208_fk_risk_watchentry_id FOREIGN KEY (entry_id) REFERENCES public.risk_watchentry(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_watchentry risk_watchentry_closed_by_id_9d2e6c2e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchentry
    ADD CONSTRAINT risk_watchentry_closed_by_id_9d2e6c2e_fk_auth_user_id FOREIGN KEY (closed_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_watchentry risk_watchentry_company_id_349a4729_fk_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchentry
    ADD CONSTRAINT risk_watchentry_company_id_349a4729_fk_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies_company(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_watchentry risk_watchentry_customer_id_1fb3f2fd_fk_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchentry
    ADD CONSTRAINT risk_watchentry_customer_id_1fb3f2fd_fk_customers_customer_id FOREIGN KEY (customer_id) REFERENCES public.customers_customer(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_watchentry risk_watchentry_opened_by_id_ade7e785_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchentry
    ADD CONSTRAINT risk_watchentry_opened_by_id_ade7e785_fk_auth_user_id FOREIGN KEY (opened_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: risk_watchentry risk_watchentry_owner_id_3e7c2612_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_watchentry
    ADD CONSTRAINT risk_watchentry_owner_id_3e7c2612_fk_auth_user_id FOREIGN KEY (owner_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- PostgreSQL database dump complete
--


