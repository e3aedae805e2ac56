/**
 * The pictures of the offline demo: a deterministic PNG per sticker or NoelShack URL ({@link
 * io.jvcstreaming.simulator.pictures.PictureDrawer}), what {@code /pictures/<host>/<path>} may ask for ({@link
 * io.jvcstreaming.simulator.pictures.PicturePath}), and a bounded cache. Depends on nothing else of the simulator.
 */
package io.jvcstreaming.simulator.pictures;
