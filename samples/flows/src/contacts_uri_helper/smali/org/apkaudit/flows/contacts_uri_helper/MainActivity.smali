.class public Lorg/apkaudit/flows/contacts_uri_helper/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "contacts_uri_helper" (1 leak, network): the address book's rows, read by a helper given its URI.
#
#   Uri uri = ContactsContract.CommonDataKinds.Phone.CONTENT_URI;
#   Log.d("loan", "table " + uri);                        // the table's address: not the user's data
#   JSONArray rows = rows(getContentResolver(), uri);     // query(uri) in the helper, one number per row
#   new Uploader(rows.toString()).start();               // <- the leak: Uploader.run posts it
#
# The negative twin, contacts_uri_only, queries the same URI only to count the rows (shown), and logs and posts
# the URI itself.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private static rows(Landroid/content/ContentResolver;Landroid/net/Uri;)Lorg/json/JSONArray;
    .registers 9

    new-instance v6, Lorg/json/JSONArray;

    invoke-direct {v6}, Lorg/json/JSONArray;-><init>()V

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    move-object v0, p0

    move-object v1, p1

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    if-eqz v0, :cond_none

    :goto_loop
    invoke-interface {v0}, Landroid/database/Cursor;->moveToNext()Z

    move-result v1

    if-eqz v1, :cond_end

    const-string v1, "data1"

    invoke-interface {v0, v1}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v1

    invoke-interface {v0, v1}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v1

    invoke-virtual {v6, v1}, Lorg/json/JSONArray;->put(Ljava/lang/Object;)Lorg/json/JSONArray;

    goto :goto_loop

    :cond_end
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    :cond_none
    return-object v6
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 6

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;

    new-instance v2, Ljava/lang/StringBuilder;

    invoke-direct {v2}, Ljava/lang/StringBuilder;-><init>()V

    const-string v3, "table "

    invoke-virtual {v2, v3}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v2, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/Object;)Ljava/lang/StringBuilder;

    invoke-virtual {v2}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;

    move-result-object v2

    const-string v3, "loan"

    invoke-static {v3, v2}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I

    invoke-virtual {p0}, Lorg/apkaudit/flows/contacts_uri_helper/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    invoke-static {v0, v1}, Lorg/apkaudit/flows/contacts_uri_helper/MainActivity;->rows(Landroid/content/ContentResolver;Landroid/net/Uri;)Lorg/json/JSONArray;

    move-result-object v0

    new-instance v2, Lorg/apkaudit/flows/contacts_uri_helper/Uploader;

    invoke-virtual {v0}, Lorg/json/JSONArray;->toString()Ljava/lang/String;

    move-result-object v0

    invoke-direct {v2, v0}, Lorg/apkaudit/flows/contacts_uri_helper/Uploader;-><init>(Ljava/lang/String;)V

    invoke-virtual {v2}, Lorg/apkaudit/flows/contacts_uri_helper/Uploader;->start()V

    return-void
.end method
