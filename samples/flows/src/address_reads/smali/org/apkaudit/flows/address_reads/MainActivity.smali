.class public Lorg/apkaudit/flows/address_reads/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "address_reads" (3 leaks): the user's data read through an address, three ways.
#
#   List<String> numbers = new ArrayList<>();
#   readInto(getContentResolver(), Phone.CONTENT_URI, numbers);   // the helper queries the URI, fills the list
#   new Uploader(numbers.toString()).start();                      // <- leak 1 (network), in Uploader.run
#   Log.d("loan", Settings.Secure.getString(getContentResolver(), "android_id"));   // <- leak 2 (log)
#   CursorLoader loader = new CursorLoader(this);
#   loader.setUri(CallLog.Calls.CONTENT_URI);                      // a read through the loader, set after
#   Cursor c = loader.loadInBackground(); c.moveToFirst();
#   Log.i("loan", c.getString(0));                                 // <- leak 3 (log)
#
# The negative twin, address_only, logs and posts the same addresses without what they hold.

# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private static readInto(Landroid/content/ContentResolver;Landroid/net/Uri;Ljava/util/List;)V
    .registers 9

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

    const/4 v1, 0x0

    invoke-interface {v0, v1}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v1

    invoke-interface {p2, v1}, Ljava/util/List;->add(Ljava/lang/Object;)Z

    goto :goto_loop

    :cond_end
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    :cond_none
    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 8

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    invoke-virtual {p0}, Lorg/apkaudit/flows/address_reads/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    new-instance v1, Ljava/util/ArrayList;

    invoke-direct {v1}, Ljava/util/ArrayList;-><init>()V

    sget-object v2, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;

    invoke-static {v0, v2, v1}, Lorg/apkaudit/flows/address_reads/MainActivity;->readInto(Landroid/content/ContentResolver;Landroid/net/Uri;Ljava/util/List;)V

    new-instance v2, Lorg/apkaudit/flows/address_reads/Uploader;

    invoke-virtual {v1}, Ljava/lang/Object;->toString()Ljava/lang/String;

    move-result-object v1

    invoke-direct {v2, v1}, Lorg/apkaudit/flows/address_reads/Uploader;-><init>(Ljava/lang/String;)V

    invoke-virtual {v2}, Lorg/apkaudit/flows/address_reads/Uploader;->start()V

    const-string v1, "android_id"

    invoke-static {v0, v1}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;

    move-result-object v1

    const-string v2, "loan"

    invoke-static {v2, v1}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I

    new-instance v3, Landroid/content/CursorLoader;

    invoke-direct {v3, p0}, Landroid/content/CursorLoader;-><init>(Landroid/content/Context;)V

    sget-object v4, Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri;

    invoke-virtual {v3, v4}, Landroid/content/CursorLoader;->setUri(Landroid/net/Uri;)V

    invoke-virtual {v3}, Landroid/content/CursorLoader;->loadInBackground()Landroid/database/Cursor;

    move-result-object v3

    if-eqz v3, :cond_none

    invoke-interface {v3}, Landroid/database/Cursor;->moveToFirst()Z

    const/4 v4, 0x0

    invoke-interface {v3, v4}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v4

    invoke-static {v2, v4}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    :cond_none

    return-void
.end method
